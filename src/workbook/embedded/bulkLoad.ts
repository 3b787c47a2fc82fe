/**
 * Loading a block of plain values into an untouched part of a sheet the way HyperFormula loads a
 * whole workbook in `buildFromSheets` (its GraphBuilder): one value vertex per non-empty cell,
 * placed straight into the address mapping and the graph.
 *
 * Why: the public edit path (`setCellContents`, `setSheetContent`) treats every cell as an edit
 * to a live workbook: it records the old content, collects a change (a Map keyed by an address
 * string), marks the cell dirty, and on recalculation topologically sorts every dirty cell and
 * exports one change object per cell. For a 100,000-row × 26-column import that is about 10–15 s;
 * a value cell has nothing to evaluate, and a cell nothing refers to yet has nobody to notify, so
 * loading it as the engine's own bulk loader does takes about a tenth of that.
 *
 * When it is safe (checked by `canLoad`): no cell of the block exists in the engine yet (no value,
 * formula, spilled array or empty-cell placeholder a formula made) and no range of that sheet is
 * referenced by any formula or named expression (ranges would need edges from the new cells).
 * So no existing formula can depend on the new cells: nothing needs recalculating. Formulas in the
 * block are not loaded here (they need parsing, dependencies and evaluation): the caller writes
 * blocks with formulas through the public API.
 *
 * This uses HyperFormula internals (marked @internal in its typings), so `bulkLoaderFor` checks
 * that each one it needs is there and returns null otherwise; callers then use the public path.
 */
import { HyperFormula } from "hyperformula";
import type { CellInput } from "../port";
import { excelWouldChange } from "../cellText";

interface Address {
  sheet: number;
  row: number;
  col: number;
}

interface ValueVertexClass {
  new (parsedValue: unknown, rawValue: unknown): object;
}

interface Internals {
  graph: {
    addVertex(address: Address, vertex: object): void;
    rangeMapping: { getNumberOfRangesInSheet(sheet: number): number };
    addressMapping: { sheetEntries(sheet: number): Iterable<[Address, object]> };
    graph: { getInfiniteRanges(): { range?: { sheet?: number } }[] };
  };
  parser: { parse(content: unknown): { value?: unknown; formula?: string } };
  columnSearch: { add(value: unknown, address: Address): void };
}

export interface BulkLoader {
  /** Whether `height` × `width` cells from (top, left) can be loaded here (see the file comment). */
  canLoad(sheet: number, top: number, left: number, height: number, width: number): boolean;
  /**
   * Load `rows` (values only: no string starting "=") with their first cell at (top, left).
   * null cells stay empty. In `textColumns` (true by column offset) strings are kept as text, as
   * the "@" number format makes Excel do: stored with HyperFormula's text prefix (an apostrophe).
   */
  load(
    sheet: number,
    top: number,
    left: number,
    rows: readonly (readonly CellInput[])[],
    textColumns?: readonly boolean[]
  ): void;
}

let valueVertexClass: ValueVertexClass | null | undefined;

/**
 * HyperFormula's value-vertex class (not exported by the package): taken from the vertex a
 * throwaway one-cell engine builds for a number, and checked to behave as expected.
 */
function findValueVertexClass(): ValueVertexClass | null {
  if (valueVertexClass !== undefined) return valueVertexClass;
  valueVertexClass = null;
  let scratch: HyperFormula | undefined;
  try {
    scratch = HyperFormula.buildFromArray([[7]], { licenseKey: "gpl-v3" });
    const graph = (scratch as unknown as { dependencyGraph?: { getCell?(a: Address): unknown } })
      .dependencyGraph;
    const vertex = graph?.getCell?.({ sheet: 0, row: 0, col: 0 }) as
      { constructor?: unknown } | undefined;
    const Class = vertex?.constructor as ValueVertexClass | undefined;
    if (typeof Class === "function") {
      const probe = new Class(5, "5") as {
        getCellValue?(): unknown;
        getValues?(): { rawValue?: unknown };
      };
      if (probe.getCellValue?.() === 5 && probe.getValues?.().rawValue === "5")
        valueVertexClass = Class;
    }
  } catch {
    valueVertexClass = null;
  } finally {
    scratch?.destroy();
  }
  return valueVertexClass;
}

function internalsOf(engine: HyperFormula): Internals | null {
  const e = engine as unknown as {
    dependencyGraph?: Internals["graph"];
    columnSearch?: Internals["columnSearch"];
    _cellContentParser?: Internals["parser"];
  };
  const graph = e.dependencyGraph;
  const parser = e._cellContentParser;
  const columnSearch = e.columnSearch;
  const ok =
    typeof graph?.addVertex === "function" &&
    typeof graph.rangeMapping?.getNumberOfRangesInSheet === "function" &&
    typeof graph.addressMapping?.sheetEntries === "function" &&
    typeof graph.graph?.getInfiniteRanges === "function" &&
    typeof parser?.parse === "function" &&
    typeof columnSearch?.add === "function";
  return ok ? { graph: graph!, parser: parser!, columnSearch: columnSearch! } : null;
}

/** The raw number HyperFormula indexes a parsed value by (rich numbers such as dates keep it in `val`). */
function rawOf(value: unknown): unknown {
  return typeof value === "object" && value !== null && "val" in value
    ? (value as { val: unknown }).val
    : value;
}

/** A bulk loader for this engine, or null when its internals are not as expected. */
export function bulkLoaderFor(engine: HyperFormula): BulkLoader | null {
  const internals = internalsOf(engine);
  const Vertex = findValueVertexClass();
  if (!internals || !Vertex) return null;
  const { graph, parser, columnSearch } = internals;

  return {
    canLoad(sheet, top, left, height, width) {
      if (graph.rangeMapping.getNumberOfRangesInSheet(sheet) > 0) return false;
      if (graph.graph.getInfiniteRanges().some((r) => r.range?.sheet === sheet)) return false;
      const bottom = top + height - 1;
      const right = left + width - 1;
      for (const [a] of graph.addressMapping.sheetEntries(sheet)) {
        if (a.row >= top && a.row <= bottom && a.col >= left && a.col <= right) return false;
      }
      return true;
    },

    load(sheet, top, left, rows, textColumns = []) {
      // Parsed values of repeated strings (team, commissioner, note…): parsing a string tries
      // booleans, errors, numbers, currencies and every date format, so each distinct one is parsed once.
      const parsedStrings = new Map<string, unknown>();
      const textStrings = new Map<string, boolean>();
      const keptText = (raw: string) => {
        let kept = textStrings.get(raw);
        if (kept === undefined) textStrings.set(raw, (kept = excelWouldChange(raw)));
        return kept;
      };
      for (let i = 0; i < rows.length; i++) {
        const line = rows[i];
        const row = top + i;
        for (let j = 0; j < line.length; j++) {
          const raw = line[j];
          if (raw === null || raw === undefined) continue;
          let value: unknown;
          let stored: CellInput = raw;
          if (typeof raw === "number" && Number.isFinite(raw)) {
            value = raw === 0 ? 0 : raw; // HyperFormula stores -0 as 0
          } else if (typeof raw === "string" && textColumns[j]) {
            const prefixed = raw.charCodeAt(0) === 0x27;
            value = prefixed ? raw.slice(1) : raw;
            stored = prefixed ? raw : `'${raw}`;
          } else if (typeof raw === "string" && parsedStrings.has(raw)) {
            value = parsedStrings.get(raw);
          } else if (typeof raw === "string" && raw.charCodeAt(0) !== 0x27 && keptText(raw)) {
            // Text Excel would read as a number, date or boolean stays text (workbook/cellText.ts).
            value = raw;
            stored = `'${raw}`;
          } else {
            const parsed = parser.parse(raw);
            if (parsed.formula !== undefined) throw new Error(`bulk load: ${raw} is a formula`);
            if (!("value" in parsed)) continue; // empty
            value = parsed.value;
            if (typeof raw === "string" && (typeof value !== "object" || value === null))
              parsedStrings.set(raw, value);
          }
          const address = { sheet, row, col: left + j };
          columnSearch.add(rawOf(value), address);
          graph.addVertex(address, new Vertex(value, stored));
        }
      }
    },
  };
}
