/* Functions newer than Excel 2007 are saved with Excel's _xlfn. prefix (else Excel shows #NAME?),
   and read back without it. */
import { HyperFormula } from "hyperformula";
import { FUTURE_FUNCTIONS } from "../../src/playground/open/futureFunctions";
import { fromFileFormula, toFileFormula } from "../../src/playground/open/fileFormulas";

describe("future functions in a saved formula", () => {
  it("are prefixed as Excel stores them, FILTER and SORT with _xlws., and read back the same", () => {
    const typed =
      'IFS(A1>1,XLOOKUP(1,A:A,B:B),TRUE(),1)&TEXTJOIN(",",TRUE(),SORT(FILTER(A1:A3,B1:B3)))+STDEV.S(C:C)';
    const saved = toFileFormula(typed, ["TARIFF"]);
    expect(saved).toBe(
      "_xlfn.IFS(A1>1,_xlfn.XLOOKUP(1,A:A,B:B),TRUE(),1)" +
        '&_xlfn.TEXTJOIN(",",TRUE(),_xlfn._xlws.SORT(_xlfn._xlws.FILTER(A1:A3,B1:B3)))+_xlfn.STDEV.S(C:C)'
    );
    expect(fromFileFormula(saved, ["TARIFF"])).toBe(typed);
  });

  it("leaves functions Excel 2007 knows, names that merely contain one, text and PBR calls alone", () => {
    const ids = ["TARIFF", "SORT"];
    expect(toFileFormula("NETWORKDAYS(A1,B1)+DAYS360(A1,B1)+SUM(A1)", ids)).toBe(
      "NETWORKDAYS(A1,B1)+DAYS360(A1,B1)+SUM(A1)"
    );
    expect(toFileFormula('"IFS(1)"&MYIFS(1)&Sheet1!A1&days(A1,B1)', ids)).toBe(
      '"IFS(1)"&MYIFS(1)&Sheet1!A1&_xlfn.DAYS(A1,B1)'
    );
    expect(toFileFormula("PBR.SORT(A1)+PBR.TARIFF(11,30)", ids)).toBe(
      "_xldudf_PBR_SORT(A1)+_xldudf_PBR_TARIFF(11,30)"
    );
    expect(toFileFormula("NETWORKDAYS.INTL(A1,B1)", ids)).toBe("_xlfn.NETWORKDAYS.INTL(A1,B1)");
  });

  it("lists only functions the playground's engine calculates", () => {
    const engine = new Set(HyperFormula.getRegisteredFunctionNames("enGB"));
    expect(FUTURE_FUNCTIONS.filter((f) => !engine.has(f))).toEqual([]);
  });
});
