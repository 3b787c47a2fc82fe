/* Help while typing a PBR formula: functions by prefix, then the argument the caret is in. */
import { formulaHelp } from "../../src/playground/help/formulaHelp";
import type { PbrFunctionEntry } from "../../src/workbook/embedded/registry";

const fns = [
  { id: "TARIFF", fn: () => [[0]], description: "Price of care at a code's day prices.", parameters: [
    { name: "code", dimensionality: "matrix", optional: false, description: "Care cluster or other currency code." },
    { name: "days", dimensionality: "matrix", optional: false, description: "Days of care." },
    { name: "admittedDays", dimensionality: "matrix", optional: true, description: "Of those days, how many were admitted." },
  ] },
  { id: "FYCOST", fn: () => [[0]], description: "Cost inside one financial year.", parameters: [] },
  { id: "FYDAYS", fn: () => [[0]], description: "Days inside one financial year.", parameters: [] },
] as PbrFunctionEntry[];

const at = (text: string) => formulaHelp(text, text.length, fns);

describe("formula help", () => {
  it("lists the PBR functions after =PBR., narrowing as the name is typed, with descriptions", () => {
    expect(at("=PBR.")).toMatchObject({ kind: "functions", items: [{ name: "PBR.TARIFF" }, { name: "PBR.FYCOST" }, { name: "PBR.FYDAYS" }] });
    expect(at("=sum(pbr.fy")).toEqual({
      kind: "functions",
      items: [
        { name: "PBR.FYCOST", description: "Cost inside one financial year." },
        { name: "PBR.FYDAYS", description: "Days inside one financial year." },
      ],
    });
    expect(at("=PBR.ZZ")).toBeNull();
    expect(at("PBR.")).toBeNull(); // not a formula
  });

  it("names the argument the caret is in, with optional ones bracketed", () => {
    expect(at("=PBR.TARIFF(")).toMatchObject({ kind: "argument", index: 0, argument: "code", signature: ["code", "days", "[admittedDays]"] });
    expect(at("=PBR.TARIFF(11, SUM(A1,A2)")).toMatchObject({ index: 1, argument: "days", description: "Days of care." });
    expect(at('=PBR.TARIFF("a,b", 3, ')).toMatchObject({ index: 2, argument: "admittedDays" });
    expect(at("=PBR.TARIFF(11, 3)")).toBeNull(); // closed
    expect(formulaHelp("=PBR.TARIFF(11, 3)", 13, fns)).toMatchObject({ argument: "code" });
  });
});
