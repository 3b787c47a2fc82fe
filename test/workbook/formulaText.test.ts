/* TRUE and FALSE as values in a formula, read as Excel reads them (workbook/formulaText.ts), in the
   text rewrite and in the embedded workbook, typed into the grid and written through the port. */
import { booleanLiterals, engineQuotes, excelQuotes, pieces } from "../../src/workbook/formulaText";
import { createEmbeddedWorkbook, type EmbeddedWorkbook } from "../../src/workbook/embeddedPort";
import { loadPbrFunctions } from "../support/pbrFunctions";
import type { PbrFunctionEntry } from "../../src/workbook/embedded/registry";

describe("booleanLiterals", () => {
  it.each([
    ["=IF(TRUE,1,2)", "=IF(TRUE(),1,2)"],
    ["=VLOOKUP(A1,B1:C9,2,false)", "=VLOOKUP(A1,B1:C9,2,FALSE())"],
    ["=AND(TRUE, FALSE)", "=AND(TRUE(), FALSE())"],
    ["=TRUE", "=TRUE()"],
    ["=PBR.MHNRGPRICE(A2,B2,1,,TRUE)", "=PBR.MHNRGPRICE(A2,B2,1,,TRUE())"],
  ])("%s reads as %s", (typed, stored) => {
    expect(booleanLiterals(typed)).toBe(stored);
  });

  it.each([
    '="TRUE"&1', // text
    "=TRUE()", // already a call
    "=TRUE_COST*2", // a name containing it
    "=COST.TRUE+1",
    "='TRUE'!A1+1", // a sheet called TRUE
    "=Table1[TRUE]", // a column called TRUE
    "=TRUE!A1",
    "=SUM(A1:B2)",
  ])("%s is left as it is", (formula) => {
    expect(booleanLiterals(formula)).toBe(formula);
  });

  it("splits text in quotes, sheet names and table columns from the rest", () => {
    expect(pieces(`=A1&"x""y"&'My sheet'!B2&T[Col]`)).toEqual([
      "=A1&",
      `"x""y"`,
      "&",
      "'My sheet'",
      "!B2&T",
      "[Col]",
      "",
    ]);
  });
});

describe("the embedded workbook reads TRUE and FALSE in a formula as Excel does", () => {
  let functions: PbrFunctionEntry[];
  beforeAll(async () => {
    functions = await loadPbrFunctions();
  }, 60_000);
  const make = (): EmbeddedWorkbook =>
    createEmbeddedWorkbook({
      functions,
      sheets: {
        Sheet1: [
          [1, 10],
          [2, 20],
        ],
      },
    }).port;

  it("typed into the grid", () => {
    const wb = make();
    wb.setCell("Sheet1", 0, 2, "=IF(TRUE,1,2)");
    wb.setCell("Sheet1", 1, 2, "=VLOOKUP(2,A1:B2,2,FALSE)");
    wb.setCell("Sheet1", 2, 2, '="TRUE"&1');
    expect([0, 1, 2].map((r) => wb.getValue("Sheet1", r, 2))).toEqual([1, 20, "TRUE1"]);
  });

  it("written through the port", async () => {
    const wb = make();
    await wb.writeRange("Sheet1", "D1", [["=IF(FALSE,1,2)"]]);
    expect(wb.getValue("Sheet1", 0, 3)).toBe(2);
  });
});

describe("doubled quote marks in a formula's text", () => {
  const cases: [string, string][] = [
    ['="say ""hi"""', '=("say "&CHAR(34)&"hi"&CHAR(34)&"")'],
    ['=LEN("a""b")*2', '=LEN(("a"&CHAR(34)&"b"))*2'],
    ['=-"1""2"', '=-("1"&CHAR(34)&"2")'],
    ['=""""', '=(""&CHAR(34)&"")'],
    ['=IF(A1="x","a""""b","")', '=IF(A1="x",("a"&CHAR(34)&""&CHAR(34)&"b"),"")'],
    ["='It''s'!A1&\"q\"\"\"", "='It''s'!A1&(\"q\"&CHAR(34)&\"\")"],
  ];

  it.each(cases)("%s goes to the engine as %s and comes back unchanged", (excel, engine) => {
    expect(engineQuotes(excel)).toBe(engine);
    expect(excelQuotes(engine)).toBe(excel);
  });

  it("leaves formulas without quote marks inside text alone, both ways", () => {
    for (const f of [
      '=""',
      '="a"&"b"',
      "=SUM(A1:A3)",
      '=CONCAT("(",CHAR(34),")")',
      '=("a"&CHAR(34))',
    ])
      expect([engineQuotes(f), excelQuotes(f)]).toEqual([f, f]);
  });

  it("the embedded workbook computes them as Excel does and shows them as typed", async () => {
    const wb = createEmbeddedWorkbook({ sheets: { Sheet1: [["x"]] } }).port;
    wb.setCell("Sheet1", 0, 1, '="say ""hi"""');
    wb.setCell("Sheet1", 0, 2, '=LEN("a""b")*2');
    await wb.writeRange("Sheet1", "D1", [['=IF(A1="x","a""""b","")']]);
    expect([1, 2, 3].map((c) => wb.getValue("Sheet1", 0, c))).toEqual(['say "hi"', 6, 'a""b']);
    expect(wb.getContent("Sheet1", 0, 1)).toBe('="say ""hi"""');
    expect(wb.getContent("Sheet1", 0, 3)).toBe('=IF(A1="x","a""""b","")');
  });
});
