/**
 * Excel's rules for sheet, table and defined names, and its sheet size, enforced the same way by
 * both adapters before anything is written.
 */
import fc from "fast-check";
import {
  EXCEL_MAX_ROWS,
  MAX_SHEET_NAME,
  cleanIdentifier,
  cleanSheetName,
  looksLikeReference,
  sheetNameProblem,
} from "../../src/workbook/excelRules";
import { createEmbeddedWorkbook } from "../../src/workbook/embeddedPort";
import { createOfficePort } from "../../src/workbook/officePort";
import { FakeExcel } from "./officePortFake";
import { loadPbrFunctions } from "../support/pbrFunctions";

describe("sheet names", () => {
  it("says why Excel would refuse a name", () => {
    expect(sheetNameProblem("Caseload")).toBeNull();
    expect(sheetNameProblem("")).toBe("a sheet name cannot be blank");
    expect(sheetNameProblem("x".repeat(32))).toMatch(
      /has 32 characters; a sheet name has at most 31/
    );
    expect(sheetNameProblem("Q1/Q2")).toMatch(/contains one of : \\ \/ \? \* \[ \]/);
    expect(sheetNameProblem("'Quoted")).toMatch(/apostrophe/);
    expect(sheetNameProblem("history")).toBe('"History" is reserved by Excel');
  });

  it("cleans the issue's examples: 40 characters with :*?/[], History, apostrophes, blank", () => {
    expect(cleanSheetName("Caseload: Q1/Q2 [draft] *final?* 2024-25")).toBe(
      "Caseload_ Q1_Q2 _draft_ _f"
    );
    expect(cleanSheetName("History")).toBe("History_");
    expect(cleanSheetName("'Budget'")).toBe("Budget");
    expect(cleanSheetName("   ")).toBe("Sheet");
    expect(cleanSheetName("''")).toBe("Sheet");
  });

  it("always gives a name Excel accepts, with room for a (99) suffix (property)", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (name) => {
        const cleaned = cleanSheetName(name);
        expect(sheetNameProblem(cleaned)).toBeNull();
        expect(sheetNameProblem(`${cleaned} (99)`)).toBeNull();
        expect(cleaned.length).toBeLessThanOrEqual(MAX_SHEET_NAME - 5);
      })
    );
  });
});

describe("table and defined names", () => {
  it("never TRUE/FALSE or anything Excel reads as a cell reference", () => {
    expect(cleanIdentifier("TRUE")).toBe("_TRUE");
    expect(cleanIdentifier("false")).toBe("_false");
    expect(cleanIdentifier("A1")).toBe("_A1");
    expect(cleanIdentifier("XFD1048576")).toBe("_XFD1048576");
    expect(cleanIdentifier("R1C1")).toBe("_R1C1");
    expect(cleanIdentifier("rc")).toBe("_rc");
    expect(cleanIdentifier("C")).toBe("_C");
    expect(cleanIdentifier("Caseload")).toBe("Caseload");
    expect(cleanIdentifier("TRUEST")).toBe("TRUEST");
  });

  it("cleaned names are never references (property)", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), (name) => {
        const cleaned = cleanIdentifier(name);
        expect(looksLikeReference(cleaned)).toBe(false);
        expect(/^(true|false)$/i.test(cleaned)).toBe(false);
        expect(cleaned).toMatch(/^[A-Za-z_][A-Za-z0-9_.]*$/);
      })
    );
  });
});

describe("both adapters apply the rules", () => {
  afterEach(() => {
    delete (globalThis as { Excel?: unknown }).Excel;
  });

  it("embedded: sheet, table and defined names are cleaned", async () => {
    const { port } = createEmbeddedWorkbook({ functions: await loadPbrFunctions() });
    await expect(port.createSheet("History")).resolves.toBe("History_");
    await expect(port.createSheet("Caseload: Q1/Q2 [draft] *final?* 2024-25")).resolves.toBe(
      "Caseload_ Q1_Q2 _draft_ _f"
    );
    const sheet = await port.createSheet("Data");
    await expect(port.writeTable(sheet, "A1", "TRUE", ["x"], [[1]])).resolves.toMatchObject({
      table: "_TRUE",
    });
    await expect(port.addName("A1", sheet, "A1:A2")).resolves.toBe("_A1");
  });

  it("Office.js: the same names", async () => {
    const fake = new FakeExcel(["Sheet1"]);
    (globalThis as { Excel?: unknown }).Excel = fake.api();
    const port = createOfficePort();
    await expect(port.createSheet("History")).resolves.toBe("History_");
    await expect(port.createSheet("Caseload: Q1/Q2 [draft] *final?* 2024-25")).resolves.toBe(
      "Caseload_ Q1_Q2 _draft_ _f"
    );
    await expect(port.writeTable("Sheet1", "A1", "TRUE", ["x"], [[1]])).resolves.toMatchObject({
      table: "_TRUE",
    });
  });

  it("embedded: refuses a table that runs past the sheet's last row, as Excel would", async () => {
    const { port } = createEmbeddedWorkbook({ functions: [], maxRows: 10 });
    const sheet = await port.createSheet("Data");
    await expect(
      port.writeTable(
        sheet,
        "A1",
        "T",
        ["x"],
        Array.from({ length: 9 }, (_, i) => [i])
      )
    ).resolves.toBeTruthy();
    const other = await port.createSheet("More");
    await expect(
      port.writeTable(
        other,
        "A2",
        "U",
        ["x"],
        Array.from({ length: 9 }, (_, i) => [i])
      )
    ).rejects.toThrow("writeTable: 9 rows from row 3 run past the sheet's last row (10)");
    expect(EXCEL_MAX_ROWS).toBe(1_048_576);
  });
});
