/**
 * Excel table references ("structured references") in formulas written through the embedded
 * port, rewritten to plain A1 ranges because HyperFormula has no tables. Handles the forms the
 * task pane writes: Table[#All], Table[#Data], Table[#Headers], Table[Column],
 * Table[[Col1]:[Col2]], Table[[#All],[Column]], Table[[#All],[Col1]:[Col2]], Table[@Column] and
 * [@Column] (this row, inside the table being written). A reference is fixed when written: a
 * table that grows later does not widen it (write the table first, then the formulas).
 */
import { parseRange, qualified, rangeAddress } from "../address";

export interface TableShape {
  name: string;
  sheet: string;
  /** 0-based row of the header and column of the first column. */
  top: number;
  left: number;
  header: string[];
  bodyRows: number;
}

export type TableLookup = (name: string) => TableShape | undefined;

/** The shape of a table over `address` ("A4:D25", header row first) with its header's texts. */
export function tableShapeOf(
  table: { name: string; sheet: string; address: string },
  header: string[]
): TableShape {
  const r = parseRange(table.address);
  return {
    name: table.name,
    sheet: table.sheet,
    top: r.top,
    left: r.left,
    header,
    bodyRows: r.bottom - r.top,
  };
}

const norm = (s: string) => s.trim().toLowerCase();

function columnSpan(t: TableShape, first: string, last = first): [number, number] | undefined {
  const a = t.header.findIndex((h) => norm(h) === norm(first));
  const b = t.header.findIndex((h) => norm(h) === norm(last));
  if (a < 0 || b < 0) return undefined;
  return [Math.min(a, b), Math.max(a, b)];
}

function absolute(address: string): string {
  return address.replace(/([A-Z]+)(\d+)/g, "$$$1$$$2");
}

function ref(
  t: TableShape,
  fromSheet: string,
  rowTop: number,
  rows: number,
  cols: [number, number]
): string {
  const address = absolute(
    rangeAddress(rowTop, t.left + cols[0], Math.max(rows, 1), cols[1] - cols[0] + 1)
  );
  return t.sheet === fromSheet ? address : qualified(t.sheet, address);
}

/** Resolve the inside of the brackets of one structured reference, or undefined if not understood. */
function resolve(
  t: TableShape,
  inner: string,
  fromSheet: string,
  row: number | undefined
): string | undefined {
  const all: [number, number] = [0, t.header.length - 1];
  const body = t.top + 1;
  const items = inner.startsWith("[")
    ? [...inner.matchAll(/\[([^\]]*)\]/g)].map((m) => m[1])
    : [inner];
  const colon = inner.startsWith("[") && /\]\s*:\s*\[/.test(inner);
  let area: "#all" | "#data" | "#headers" | "#this row" = "#data";
  const columns: string[] = [];
  for (const raw of items) {
    const item = raw.trim();
    const special = norm(item);
    if (
      special === "#all" ||
      special === "#data" ||
      special === "#headers" ||
      special === "#this row"
    )
      area = special;
    else if (item.startsWith("@")) {
      area = "#this row";
      if (item.length > 1) columns.push(item.slice(1));
    } else if (item !== "") columns.push(item);
  }
  let cols: [number, number] | undefined = all;
  if (columns.length === 1) cols = columnSpan(t, columns[0]);
  else if (columns.length === 2 && colon) cols = columnSpan(t, columns[0], columns[1]);
  else if (columns.length > 1) return undefined;
  if (!cols) return undefined;
  switch (area) {
    case "#all":
      return ref(t, fromSheet, t.top, t.bodyRows + 1, cols);
    case "#headers":
      return ref(t, fromSheet, t.top, 1, cols);
    case "#this row":
      return row === undefined ? undefined : ref(t, fromSheet, row, 1, cols).replace(/\$/g, "");
    default:
      return ref(t, fromSheet, body, t.bodyRows, cols);
  }
}

/**
 * Rewrite structured references in one formula. `current` is the table being written (for
 * [@Column]) and `row` the 0-based worksheet row of the formula. Unknown tables are left alone
 * (the engine then shows #NAME?).
 */
export function translateStructuredRefs(
  formula: string,
  fromSheet: string,
  lookup: TableLookup,
  current?: TableShape,
  row?: number
): string {
  if (!formula.startsWith("=") || !formula.includes("[")) return formula;
  // Skip string literals: split on quotes and only rewrite the parts outside them.
  const parts = formula.split('"');
  for (let i = 0; i < parts.length; i += 2) {
    parts[i] = parts[i].replace(
      /([A-Za-z_\\][A-Za-z0-9_.]*)?\[((?:\[[^\]]*\]|[^[\]])*)\]/g,
      (match, name: string | undefined, inner: string) => {
        const table = name ? lookup(name) : current;
        if (!table) return match;
        return resolve(table, inner, fromSheet, row) ?? match;
      }
    );
  }
  return parts.join('"');
}
