/* The Resource groups pane's streamed journey (extractStream → groupExtract → tally), the work
   its Web Worker does, here in Node on one thread: a 1,048,600-row CSV extract (just past Excel's
   rows) read in 4 MB slices, parsed, grouped, priced and summed. Checked against the core
   functions' own totals for the same rows (test/support/bigExtract.ts). The pane's own figure, in
   Chromium's worker, is printed by test/browser/features/activityBig.test.ts. */
import { readHead } from "../../src/taskpane/activity/extractStream";
import { groupExtract } from "../../src/taskpane/activity/groupExtract";
import type { ActivityColumns, ActivityField } from "../../src/taskpane/activity/preflight";
import { guessActivityColumn } from "../../src/taskpane/activity/run";
import { tallyFigures, type ActivityTally } from "../../src/taskpane/activity/tally";
import { DATA_ROWS, expected, extractText, type Expected } from "../support/bigExtract";
import type { Bench } from "./harness";

let file: Blob;
let want: Expected;

const FIELDS: ActivityField[] = [
  "kind",
  "age",
  "diagnosis",
  "team",
  "bed",
  "reason",
  "crisis",
  "units",
  "attendance",
];

export const benches: Bench[] = [
  {
    name: "Resource groups streamed (pane worker's work), 1,048,600-row CSV extract",
    setup: () => {
      file = new Blob([extractText()]);
      want = expected();
    },
    run: async () => {
      const head = (await readHead(file, "bench.csv"))!;
      const cols = Object.fromEntries(
        FIELDS.map((f) => [f, guessActivityColumn(head.header, f)])
      ) as ActivityColumns;
      return groupExtract(file, { head, cols, fixedKind: null });
    },
    check: (out) => {
      const tally = out as ActivityTally;
      if (tally.rows !== DATA_ROWS) return `read ${tally.rows} rows, expected ${DATA_ROWS}`;
      const f = tallyFigures(tally, { duplicates: "leave out", blankUnits: "leave out" });
      const got = [f.totalValue * 100, f.totalUnits, f.unclassifiedUnits, f.unlisted];
      const exp = [want.value, want.units, want.mbu, want.unlisted];
      const more = [f.specialisedUnits, f.notAttended, f.leftOut];
      const expMore = [want.specialised, want.notAttended, want.leftOut];
      if (Math.abs(got[0] - exp[0]) > 1e-3 || got.slice(1).join() !== exp.slice(1).join())
        return `totals ${got.join(", ")}, expected ${exp.join(", ")}`;
      if (more.join() !== expMore.join())
        return `counts ${more.join()}, expected ${expMore.join()}`;
    },
    items: DATA_ROWS,
    unit: "rows",
    target: { kind: "rate", min: 200_000 },
    runs: 2,
  },
];
