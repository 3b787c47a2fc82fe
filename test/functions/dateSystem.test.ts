/* The 1904 date system: the same day typed in a 1904 workbook (stored 1,462 lower) gives the same
   answers as in a 1900 workbook; dates the add-in writes or returns are in the workbook's system. */
import { PbrError } from "../../src/core/errors";
import {
  DAYS_1904_TO_1900,
  datesWereRead,
  fromWorkbookSerial,
  getDateSystem,
  parseDateSystem,
  setDateSystem,
  toWorkbookSerial,
  workbookDateRange,
} from "../../src/core/dates";
import { readDate } from "../../src/core/args";
import { parsePriceTable } from "../../src/core/tariff/priceTable";
import { fycost, fydays } from "../../src/functions/tariff";
import { reviewdue } from "../../src/functions/clusters";
import { priceArg } from "../../src/functions/priceArg";
import { autoMap } from "../../src/core/caseload/headers";
import { CaseloadValidator } from "../../src/core/caseload/validator";
import { setupPlan } from "../../src/taskpane/setup/plan";
import { suggestYear } from "../../src/taskpane/scenario/plan";
import type { TableBlock } from "../../src/taskpane/plan/types";
import { d } from "../core/tariff/fixtures";

const show = (cell: unknown) => (cell instanceof PbrError ? `${cell.kind} ${cell.message}` : cell);
const flat = (grid: unknown[][]) => grid.map((row) => row.map(show));
/** The serial a 1904 workbook stores for a dd/mm/yyyy day. */
const d1904 = (text: string) => d(text) - DAYS_1904_TO_1900;

const DATED = [
  ["Code", "Day price", "Effective from"],
  [14, 30, d("01/04/2023")],
  [14, 33, d("01/04/2024")],
];
const DATED_1904 = DATED.map((row, i) => (i === 0 ? row : [row[0], row[1], (row[2] as number) - 1462]));

afterEach(() => setDateSystem(1900));

describe("date system setting", () => {
  it("defaults to 1900 and converts nothing", () => {
    expect(getDateSystem()).toBe(1900);
    expect(fromWorkbookSerial(45383)).toBe(45383);
    expect(toWorkbookSerial(45383)).toBe(45383);
    expect(workbookDateRange()).toBe("1900 to 9999, serials 1 to 2958465");
  });

  it("in 1904 moves serials by 1,462 days each way", () => {
    setDateSystem(1904);
    expect(fromWorkbookSerial(43921)).toBe(45383); // 01/04/2024
    expect(toWorkbookSerial(45383)).toBe(43921);
    expect(fromWorkbookSerial(0)).toBe(d("01/01/1904"));
    expect(workbookDateRange()).toBe("1904 to 9999, serials 0 to 2957003 in the 1904 date system");
  });

  it("notes when dates were read under the setting, cleared by setting it", () => {
    setDateSystem(1900);
    expect(datesWereRead()).toBe(false);
    fydays([[45383]], [[45383]], [[2024]]);
    expect(datesWereRead()).toBe(true);
    setDateSystem(1904);
    expect(datesWereRead()).toBe(false);
  });

  it("reads 1900 or 1904 as a user writes it, nothing else", () => {
    expect(parseDateSystem(1904)).toBe(1904);
    expect(parseDateSystem(" 1904 ")).toBe(1904);
    expect(parseDateSystem("1900")).toBe(1900);
    expect(parseDateSystem(1905)).toBeNull();
    expect(parseDateSystem("")).toBeNull();
    expect(parseDateSystem(true)).toBeNull();
  });
});

describe("1 April 2024 typed in a 1904 workbook", () => {
  it("PBR.FYDAYS gives the same answers as in a 1900 workbook", () => {
    const in1900 = flat(fydays([[d("15/03/2024")], [d("01/04/2024")]], [[d("10/04/2024")], [""]], [[2024], [2024]]));
    setDateSystem(1904);
    const in1904 = flat(
      fydays([[d1904("15/03/2024")], [d1904("01/04/2024")]], [[d1904("10/04/2024")], [""]], [[2024], [2024]])
    );
    expect(in1900).toEqual([[10], [365]]);
    expect(in1904).toEqual(in1900);
  });

  it("PBR.FYCOST gives the same answers, Effective from dates read in the 1904 system too", () => {
    const in1900 = flat(fycost([[14]], [[d("01/04/2024")]], [[d("10/04/2024")]], [[2024]], null as never, DATED, null as never));
    setDateSystem(1904);
    const in1904 = flat(
      fycost([[14]], [[d1904("01/04/2024")]], [[d1904("10/04/2024")]], [[2024]], null as never, DATED_1904, null as never)
    );
    expect(in1900).toEqual([[330]]);
    expect(in1904).toEqual(in1900);
  });

  it("a 1900 serial in a 1904 workbook is a different day (4 years later), as Excel shows it", () => {
    setDateSystem(1904);
    // 45383 in a 1904 workbook is 02/04/2028: in 2024/25 only an open period's end counts
    expect(flat(fydays([[45383]], [[45383]], [[2028]]))).toEqual([[1]]);
  });

  it("messages show the day the workbook shows", () => {
    setDateSystem(1904);
    expect(flat(fydays([[d1904("10/04/2024")]], [[d1904("01/04/2024")]], [[2024]]))).toEqual([
      ["#NUM! row 1, end date: 01/04/2024 is before the start date 10/04/2024"],
    ]);
    expect(flat(fydays([[-1]], [[""]], [[2024]]))).toEqual([
      ["#NUM! row 1, start: -1 is outside Excel's dates (1904 to 9999, serials 0 to 2957003 in the 1904 date system)"],
    ]);
  });

  it("readDate moves a 1904 serial and keeps the workbook's range", () => {
    setDateSystem(1904);
    expect(readDate(d1904("01/04/2024") + 0.5, 1, "start")).toBe(d("01/04/2024"));
    expect(readDate(0, 1, "start")).toBe(d("01/01/1904"));
    expect(readDate(-1, 1, "start")).toBeInstanceOf(PbrError);
    expect(readDate(2957004, 1, "start")).toBeInstanceOf(PbrError);
  });

  it("price table Effective from is read in the workbook's system", () => {
    setDateSystem(1904);
    const t = parsePriceTable(DATED_1904);
    if (t instanceof PbrError) throw new Error(t.message);
    expect(t.codes.get("14")?.rows.map((r) => r.from)).toEqual([d("01/04/2023"), d("01/04/2024")]);
  });

  it("a table parsed under 1900 is read again once the workbook turns out to be 1904", () => {
    const before = priceArg(DATED_1904);
    setDateSystem(1904);
    const after = priceArg(DATED_1904);
    expect(after).not.toBe(before);
    expect(priceArg(DATED_1904)).toBe(after);
  });

  it("PBR.REVIEWDUE reads and returns dates in the 1904 system", () => {
    // cluster 14: 4 weeks; cluster 11: annual
    const in1900 = flat(reviewdue([[14], [11]], [[d("01/04/2024")], [d("01/04/2024")]]));
    setDateSystem(1904);
    const in1904 = flat(reviewdue([[14], [11]], [[d1904("01/04/2024")], [d1904("01/04/2024")]]));
    expect(in1900).toEqual([[d("29/04/2024")], [d("01/04/2025")]]);
    expect(in1904).toEqual([[d1904("29/04/2024")], [d1904("01/04/2025")]]);
  });
});

describe("dates the add-in writes", () => {
  const HEADER = ["ID", "Cluster", "Start", "End"];
  const importRows = () => {
    const v = new CaseloadValidator(autoMap(HEADER), HEADER.length);
    v.add(["P1", "11", "01/04/2024", "2024-06-30"], 2);
    v.add(["P2", "11", "31/12/1903", ""], 3);
    return v;
  };

  it("import writes 1900 serials in a 1900 workbook", () => {
    const v = importRows();
    expect(v.rows[0].slice(2, 4)).toEqual([d("01/04/2024"), d("30/06/2024")]);
    expect(v.counts.imported).toBe(2);
  });

  it("import writes 1904 serials in a 1904 workbook and refuses days before 1904", () => {
    setDateSystem(1904);
    const v = importRows();
    expect(v.rows).toHaveLength(1);
    expect(v.rows[0].slice(2, 4)).toEqual([d1904("01/04/2024"), d1904("30/06/2024")]);
    expect(v.rejects.map((r) => r.reason)).toEqual([
      "row 3, start date: \"31/12/1903\" is outside Excel's dates (1904 to 9999, serials 0 to 2957003 in the 1904 date system)",
    ]);
  });

  it("Set up model writes its example dates in the workbook's system", () => {
    const startsOf = () => {
      const sheet = setupPlan(2025).sheets.find((s) => s.name === "Caseload")!;
      const block = sheet.blocks.find((b) => b.kind === "table") as TableBlock;
      return block.rows.map((r) => r[2]);
    };
    const in1900 = startsOf() as number[];
    setDateSystem(1904);
    expect(startsOf()).toEqual(in1900.map((s) => s - 1462));
  });

  it("the scenario's suggested year reads caseload starts in the workbook's system", () => {
    const starts = [d("01/04/2024"), d("01/05/2024"), d("01/01/2024")];
    expect(suggestYear(starts)).toBe(2024);
    setDateSystem(1904);
    expect(suggestYear(starts.map((s) => s - 1462))).toBe(2024);
  });
});
