/**
 * pbr-toolkit mhnrg on hostile and untidy .xlsx files: the pane's guards refuse a zip that declares
 * a huge unpacked size and a file that is not a zip, each in one line with exit code 2 before the
 * engine starts and without reading it; cells under no header are kept and counted in the summary.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { zipSync, strToU8 } from "fflate";
import { FILE_LIMITS } from "../../src/core/files/xlsxGuard";
import { columnLetters } from "../../src/cli/duckdb/xlsxInput";
import { readCsv, runCli } from "./support";

let dir: string;
beforeAll(() => (dir = mkdtempSync(join(tmpdir(), "pbr-cli-xlsx-"))));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A small zip whose central directory says `part` unpacks to `declared` bytes (a zip bomb's lie). */
function lyingZip(declared: number): Uint8Array {
  const zip = zipSync({
    "[Content_Types].xml": strToU8("<Types/>"),
    "xl/workbook.xml": strToU8("<workbook><sheets/></workbook>"),
    "xl/worksheets/sheet1.xml": strToU8("<worksheet><sheetData/></worksheet>".repeat(50)),
  });
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  // Each central-directory record (PK\1\2) of the sheet: uncompressed size at offset 24.
  for (let at = 0; at + 46 <= zip.length; at++) {
    if (view.getUint32(at, true) !== 0x02014b50) continue;
    const nameLength = view.getUint16(at + 28, true);
    const name = new TextDecoder().decode(zip.subarray(at + 46, at + 46 + nameLength));
    if (name === "xl/worksheets/sheet1.xml") view.setUint32(at + 24, declared, true);
  }
  return zip;
}

async function refusal(file: string) {
  const out = join(dir, `never-${Math.random().toString(36).slice(2)}.csv`);
  const ran = await runCli(["mhnrg", file, "--out", out, "--kind", "contact"]);
  expect(existsSync(out)).toBe(false);
  return ran;
}

describe("pbr-toolkit mhnrg, hostile .xlsx", () => {
  it("refuses a small zip that declares a huge unpacked size: one line, exit 2, nothing unpacked", async () => {
    const declared = 4000 * 1024 * 1024;
    expect(declared).toBeGreaterThan(FILE_LIMITS.unpackedBytes);
    const file = join(dir, "bomb.xlsx");
    const bytes = lyingZip(declared);
    expect(bytes.length).toBeLessThan(2000);
    writeFileSync(file, bytes);
    const ran = await refusal(file);
    expect(ran.code).toBe(2);
    expect(ran.err).toBe(
      `pbr-toolkit mhnrg: ${file} was not read: this file unpacks to 4,000 MB, more than the 300 MB pbr-toolkit opens (a file that small unpacking that large is often a "zip bomb"). A sheet this large reads faster as CSV (in Excel, Save As > CSV UTF-8).\n`
    );
    expect(ran.out).toBe("");
  });

  it("refuses a file named .xlsx that is not a zip (a CSV, a web page, nothing) in one line, exit 2", async () => {
    for (const [name, content, says] of [
      ["renamed.xlsx", "Kind,Age\ncontact,40\n", /this is a text file \(CSV or similar\)/],
      ["page.xlsx", "<!DOCTYPE html><html><body>Sign in</body></html>", /a web page \(HTML\)/],
      ["empty.xlsx", "", /the file is empty\.$/],
    ] as const) {
      const file = join(dir, name);
      writeFileSync(file, content);
      const ran = await refusal(file);
      expect(ran.code).toBe(2);
      const lines = ran.err.split("\n").filter((l) => l !== "");
      expect(lines).toEqual([expect.stringMatching(/^pbr-toolkit mhnrg: .* was not read: /)]);
      expect(lines[0]).toMatch(says);
    }
  });

  it("refuses a sound zip whose sheet says it passes Excel's limits, and a DTD", async () => {
    const sheet = (body: string) =>
      zipSync({
        "xl/workbook.xml": strToU8(
          '<workbook xmlns:r="r"><sheets><sheet name="A" r:id="rId1"/></sheets></workbook>'
        ),
        "xl/_rels/workbook.xml.rels": strToU8(
          '<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>'
        ),
        "xl/worksheets/sheet1.xml": strToU8(body),
      });
    const far = join(dir, "far.xlsx");
    writeFileSync(
      far,
      sheet(
        '<worksheet><sheetData><row r="2000000"><c r="A2000000"/></row></sheetData></worksheet>'
      )
    );
    const ranFar = await refusal(far);
    expect([ranFar.code, ranFar.err]).toEqual([2, expect.stringMatching(/beyond Excel's limits/)]);
    const dtd = join(dir, "dtd.xlsx");
    writeFileSync(dtd, sheet('<!DOCTYPE x [<!ENTITY a "aaaa">]><worksheet/>'));
    const ranDtd = await refusal(dtd);
    expect([ranDtd.code, ranDtd.err]).toEqual([2, expect.stringMatching(/declares XML entities/)]);
  });

  it("a missing .xlsx is still exit 1, no such file", async () => {
    const ran = await refusal(join(dir, "nope.xlsx"));
    expect([ran.code, ran.err]).toEqual([1, expect.stringMatching(/no such file\n$/)]);
  });
});

describe("pbr-toolkit mhnrg, cells under no header", () => {
  it("keeps them as Column N and says how many and where in the summary", async () => {
    const book = new ExcelJS.Workbook();
    const s = book.addWorksheet("Activity");
    s.addRow(["Kind", "Age", null, "Team type"]);
    s.addRow(["contact", 40, "stray", "A05", null, "note", 7]);
    s.addRow(["contact", 30, null, "A05", "  ", "note 2"]);
    s.addRow(["contact", 30, null, "A05"]);
    const file = join(dir, "untidy.xlsx");
    await book.xlsx.writeFile(file);
    const out = join(dir, "untidy.csv");
    const ran = await runCli(["mhnrg", file, "--out", out]);
    expect(ran.code).toBe(0);
    const grid = readCsv(out);
    expect(grid[0].slice(0, 7)).toEqual([
      "Kind",
      "Age",
      "Column 3",
      "Team type",
      "Column 5",
      "Column 6",
      "Column 7",
    ]);
    expect(grid[1].slice(0, 7)).toEqual(["contact", "40", "stray", "A05", "", "note", "7"]);
    expect(grid[2][5]).toBe("note 2");
    // Column E holds only white space: nothing to report there.
    expect(ran.out).toContain(
      `Cells under no header in ${file}: 4 (column C: 1 as "Column 3"; column F: 2 as "Column 6"; column G: 1 as "Column 7"), kept in the output under those names.`
    );
  });

  it("a tidy sheet has no such line", async () => {
    const book = new ExcelJS.Workbook();
    book.addWorksheet("A").addRows([
      ["Kind", "Age"],
      ["contact", 40],
    ]);
    const file = join(dir, "tidy.xlsx");
    await book.xlsx.writeFile(file);
    const ran = await runCli(["mhnrg", file, "--out", join(dir, "tidy.csv")]);
    expect(ran.code).toBe(0);
    expect(ran.out).not.toContain("under no header");
  });

  it("names columns as Excel does", () => {
    expect([0, 25, 26, 27, 51, 52, 701, 702, 16383].map(columnLetters)).toEqual([
      "A",
      "Z",
      "AA",
      "AB",
      "AZ",
      "BA",
      "ZZ",
      "AAA",
      "XFD",
    ]);
  });
});
