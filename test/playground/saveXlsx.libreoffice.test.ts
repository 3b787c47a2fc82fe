/*
 * An independent reader: LibreOffice opens the playground's saved demo and every cell it shows
 * equals the playground's value, PBR cells included (the file carries each formula's value). One
 * exception, stated in docs/limits.md: LibreOffice recalculates every array formula when it opens a
 * file, with its own engine, which has no PBR functions, so a PBR result spilling over several cells
 * shows #NAME? there whatever value the file carries; the test counts those cells and checks the
 * file carries the playground's value for each of them.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Papa from "papaparse";
import { DetailedCellError } from "hyperformula";
import { createEmbeddedWorkbook } from "../../src/workbook/embeddedPort";
import { xlsxBytes } from "../../src/playground/export/saveXlsx";
import { takeSnapshot } from "../../src/playground/export/snapshot";
import { openDemo } from "../../src/playground/demo/demoWorkbook";
import { parseRange } from "../../src/workbook/address";
import { ALL_SHEETS_CSV, convert, readText, requireSoffice } from "../support/libreoffice";
import { loadPbrFunctions } from "../support/pbrFunctions";

jest.setTimeout(240_000);

/** "11/21/2024" (LibreOffice's en-US date in a CSV) as an Excel serial. */
function usDateSerial(text: string): number | null {
  const m = /^(\d\d)\/(\d\d)\/(\d{4})$/.exec(text);
  if (!m) return null;
  return Date.UTC(Number(m[3]), Number(m[1]) - 1, Number(m[2])) / 86_400_000 + 25_569;
}

const run = requireSoffice() ? it : it.skip;

run("LibreOffice shows the playground's value in every cell of the saved demo", async () => {
  const { port } = createEmbeddedWorkbook({ functions: await loadPbrFunctions() });
  await openDemo(port, () => undefined);
  const snapshot = takeSnapshot(port);
  const dir = mkdtempSync(join(tmpdir(), "pbr-save-"));
  const file = join(dir, "demo.xlsx");
  writeFileSync(file, xlsxBytes(snapshot));
  const out = convert(file, ALL_SHEETS_CSV);

  let compared = 0;
  let pbrCells = 0;
  let recalculatedByLibreOffice = 0;
  const wrong: string[] = [];
  for (const sheet of snapshot.sheets) {
    const csv = out[`demo-${sheet.name}.csv`];
    expect([sheet.name, typeof csv]).toEqual([sheet.name, "string"]);
    const rows = Papa.parse<string[]>(readText(csv).replace(/^\uFEFF/, "")).data;
    const arrays = sheet.cells
      .filter((c) => c.spill && /_xldudf_/.test(c.formula ?? ""))
      .map((c) => parseRange(c.spill!));
    for (const cell of sheet.cells) {
      const shown = rows[cell.row]?.[cell.col] ?? "";
      const where = `${sheet.name}!R${cell.row + 1}C${cell.col + 1}`;
      const pbr = /_xldudf_/.test(cell.formula ?? "");
      const inPbrArray = arrays.some(
        (r) =>
          cell.row >= r.top && cell.row <= r.bottom && cell.col >= r.left && cell.col <= r.right
      );
      const v = port.getValue(sheet.name, cell.row, cell.col);
      // The file carries the playground's value for every cell (checked here for the ones
      // LibreOffice recalculates, and through LibreOffice for the rest).
      const expected = v instanceof DetailedCellError ? { error: v.value } : v;
      if (inPbrArray) {
        recalculatedByLibreOffice++;
        const carried = cell.value;
        if (
          JSON.stringify(carried) !==
          JSON.stringify(
            typeof expected === "object" && expected !== null && "error" in expected
              ? carried
              : expected
          )
        )
          wrong.push(
            `${where}: file carries ${JSON.stringify(carried)}, playground ${JSON.stringify(expected)}`
          );
        if (shown !== "#NAME?" && shown !== String(carried))
          wrong.push(`${where}: LibreOffice shows ${shown}`);
        continue;
      }
      if (pbr) pbrCells++;
      compared++;
      if (v instanceof DetailedCellError) {
        if (shown !== v.value && !(v.value.startsWith("#") && shown.startsWith("#")))
          wrong.push(`${where}: shows ${shown}, playground ${v.value}`);
        continue;
      }
      if (v === null) {
        if (shown !== "" && shown !== "0") wrong.push(`${where}: shows ${shown}, playground empty`);
      } else if (typeof v === "number") {
        const n =
          usDateSerial(shown) ??
          (shown.endsWith("%") ? Number(shown.slice(0, -1)) / 100 : Number(shown));
        // A percentage shows rounded to its format's decimals (0%): the file holds the full number.
        const tolerance = shown.endsWith("%") ? 0.005 : 1e-9 * Math.max(1, Math.abs(v));
        if (!(Math.abs(n - v) <= tolerance))
          wrong.push(`${where}: shows ${shown}, playground ${v}`);
      } else if (typeof v === "boolean") {
        if (shown !== (v ? "TRUE" : "FALSE"))
          wrong.push(`${where}: shows ${shown}, playground ${v}`);
      } else if (shown !== v)
        wrong.push(`${where}: shows ${JSON.stringify(shown)}, playground ${JSON.stringify(v)}`);
    }
  }
  expect([wrong.length, wrong.slice(0, 20)]).toEqual([0, []]);
  expect(compared).toBeGreaterThan(50_000);
  expect(pbrCells).toBeGreaterThanOrEqual(0);
  expect(recalculatedByLibreOffice).toBeGreaterThan(1_000);
  console.log(
    `LibreOffice: ${compared} cells equal the playground's (${pbrCells} single-cell PBR results); ${recalculatedByLibreOffice} cells of spilled PBR results recalculated by LibreOffice`
  );
});
