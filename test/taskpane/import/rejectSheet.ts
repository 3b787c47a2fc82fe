/* The Import rejects sheet read back in the shape most import tests check: one line per problem,
   [Row, Field, Value, Reason, Line], in file order (the sheet itself leads with the ID and groups
   lines by problem: see src/taskpane/import/rejectReport.ts and its test). */
import type { MemoryWorkbook } from "../../support/memoryPort";
import type { ImportResult } from "../../../src/taskpane/import/runImport";

type Cell = string | number | boolean | null;

export function rejectsInFileOrder(wb: MemoryWorkbook, result: ImportResult): Cell[][] {
  if (!result.rejectSheet) return [];
  const [header, ...lines] = wb.values(result.rejectSheet, result.rejectAddress!);
  const at = (name: string) => header.indexOf(name);
  const cols = ["Row", "Field", "Value", "Reason", "Line"].map(at);
  return lines
    .map((line, i) => ({ line: cols.map((c) => line[c]), i }))
    .sort((a, b) => Number(a.line[0]) - Number(b.line[0]) || a.i - b.i)
    .map((x) => x.line);
}
