/*
 * Export sheet as CSV makes nothing live: text that a spreadsheet would take for a formula
 * (= + - @, a leading tab) is written with a leading apostrophe, and LibreOffice, an independent
 * reader, opens every exported text as text (no formula in the file it makes from the CSV).
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { sheetCsv } from "../../src/playground/export/download";
import { convert, requireSoffice } from "../support/libreoffice";

jest.setTimeout(120_000);

const TEXTS = [
  "=1+1",
  '=HYPERLINK("http://example.invalid","click")',
  "+44 20 7946 0000",
  "-5 apples",
  "@SUM(A1:A2)",
  "\t=2+2",
  "=cmd|' /C calc'!A0",
  "plain team",
];

const grid = [["Text", "Number"], ...TEXTS.map((t, i) => [t, i === 0 ? -5 : i])];
const csv = () =>
  sheetCsv(
    grid.length,
    2,
    (r, c) => grid[r][c],
    () => undefined
  );

it("writes formula-looking text with Excel's text prefix, and numbers as they are", () => {
  const lines = csv()
    .replace(/^\uFEFF/, "")
    .split("\r\n");
  expect(lines[1]).toBe("'=1+1,-5");
  expect(lines[3]).toBe("'+44 20 7946 0000,2");
  expect(lines[4]).toBe("'-5 apples,3");
  expect(lines[5]).toBe("'@SUM(A1:A2),4");
  expect(lines[6]).toBe("'\t=2+2,5");
  expect(lines[8]).toBe("plain team,7");
});

(requireSoffice() ? it : it.skip)(
  "LibreOffice opens every exported text as text, nothing as a formula",
  () => {
    const dir = mkdtempSync(join(tmpdir(), "pbr-csv-"));
    const file = join(dir, "export.csv");
    writeFileSync(file, csv());
    // LibreOffice's own defaults for a CSV (comma, double quote, UTF-8, from line 1), which evaluate formulas.
    const out = convert(file, "xlsx", "CSV:44,34,76,1");
    const files = unzipSync(new Uint8Array(readFileSync(out["export.xlsx"])));
    const sheet = strFromU8(files["xl/worksheets/sheet1.xml"]);
    expect(sheet).not.toMatch(/<f[ >]/);
    const strings = [
      ...strFromU8(files["xl/sharedStrings.xml"]).matchAll(/<t[^>]*>([^<]*)<\/t>/g),
    ].map((m) =>
      m[1]
        .replace(/&#(\d+);/g, (_x, d: string) => String.fromCharCode(Number(d)))
        .replace(/&apos;/g, "'")
        .replace(/&quot;/g, '"')
        .replace(/&lt;/g, "<")
        .replace(/&gt;/g, ">")
        .replace(/&amp;/g, "&")
    );
    // Every text is there as text, shown with the apostrophe that kept it from running.
    for (const t of TEXTS) expect(strings).toContain(t === "plain team" ? t : `'${t}`);
    // The numbers stay numbers (-5 included).
    expect(sheet).toMatch(/<c r="B2"[^>]*><v>-5<\/v><\/c>/);
  }
);
