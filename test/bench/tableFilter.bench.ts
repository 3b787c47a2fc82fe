/**
 * The playground's table filters on a 100,000-person caseload table (src/playground/grid/
 * filterStore.ts): filtering a column (the pass over the table that works out the hidden rows, once
 * per filter change), listing a column's values for its filter popup, and the grid's per-row map
 * from view rows to sheet rows (what each drawn row costs while scrolling a filtered table).
 * Answers are checked against the rows as generated.
 */
import { createEmbeddedWorkbook } from "../../src/workbook/embeddedPort";
import { CASELOAD_HEADER, syntheticCaseload } from "../../src/playground/demo/syntheticCaseload";
import { tableFilters, type TableFilters } from "../../src/playground/grid/filterStore";
import type { Bench } from "./harness";

const PEOPLE = 100_000;
const rows = syntheticCaseload(20240401, PEOPLE);
const TEAM = CASELOAD_HEADER.indexOf("Team");
const teams = [...new Set(rows.map((r) => String(r[TEAM])))].sort();
const kept = new Set(teams.slice(0, 1));
const expectedShown = rows.filter((r) => kept.has(String(r[TEAM]))).length;

let store: TableFilters | undefined;
function filters(): TableFilters {
  if (!store) {
    const { port } = createEmbeddedWorkbook({ functions: [] });
    port.replaceBook({
      sheets: [{ name: "Caseload", cells: [CASELOAD_HEADER, ...rows], formats: [] }],
      names: [],
      tables: [
        {
          name: "Caseload",
          sheet: "Caseload",
          address: `A1:${String.fromCharCode(64 + CASELOAD_HEADER.length)}${PEOPLE + 1}`,
        },
      ],
    });
    store = tableFilters(port);
  }
  return store;
}
const place = () => filters().tablesOn("Caseload")[0];

export const benches: Bench[] = [
  {
    name: `table filter: filter Team to one value, ${PEOPLE.toLocaleString("en-GB")}-row table`,
    setup: () => void filters(),
    run: () => {
      const s = filters();
      s.apply(place(), TEAM, kept);
      return PEOPLE - s.rowMap("Caseload").hiddenCount;
    },
    check: (shown) =>
      shown === expectedShown
        ? undefined
        : `showed ${String(shown)} rows, expected ${expectedShown}`,
    items: PEOPLE,
    unit: "rows",
    target: { kind: "time", maxMs: 300 },
  },
  {
    name: `table filter: list Team's values with counts, ${PEOPLE.toLocaleString("en-GB")}-row table`,
    setup: () => filters().clear(place().table),
    run: () => filters().valuesOf(place(), TEAM),
    check: (out) => {
      const values = out as { text: string; count: number }[];
      const total = values.reduce((n, v) => n + v.count, 0);
      if (values.length !== teams.length || total !== PEOPLE)
        return `listed ${values.length} values over ${total} rows, expected ${teams.length} over ${PEOPLE}`;
    },
    items: PEOPLE,
    unit: "rows",
    target: { kind: "time", maxMs: 300 },
  },
  {
    name: "table filter: map 1,000,000 drawn rows to sheet rows (filtered)",
    setup: () => filters().apply(place(), TEAM, kept),
    run: () => {
      const map = filters().rowMap("Caseload");
      let last = -1;
      let ordered = true;
      for (let i = 0; i < 1_000_000; i++) {
        const r = map.toSheet(i % (PEOPLE - map.hiddenCount));
        if (i % (PEOPLE - map.hiddenCount) !== 0 && r <= last) ordered = false;
        last = r;
      }
      return ordered && !map.isHidden(last);
    },
    check: (ok) => (ok === true ? undefined : "view rows did not map to shown sheet rows in order"),
    items: 1_000_000,
    unit: "rows",
    target: { kind: "rate", min: 5_000_000 },
  },
];
