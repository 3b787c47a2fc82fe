/* Accepting a suggested PBR function: Tab or Enter inserts the highlighted name and "(", arrows choose. */
import {
  acceptSuggestion,
  suggestionKey,
  suggestions,
} from "../../src/playground/help/autocomplete";
import type { PbrFunctionEntry } from "../../src/workbook/embedded/registry";

const fns = ["TARIFF", "FYCOST", "FYDAYS"].map((id) => ({
  id,
  fn: () => [[0]],
  description: id,
  parameters: [],
})) as unknown as PbrFunctionEntry[];
const end = (text: string) => ({ text, caret: text.length });

describe("formula autocomplete", () => {
  it("suggests names only while a PBR name is being typed", () => {
    expect(suggestions(end("=PBR.FY"), fns)).toEqual(["PBR.FYCOST", "PBR.FYDAYS"]);
    expect(suggestions(end("=PBR.TARIFF(1"), fns)).toEqual([]);
    expect(suggestions(end("PBR.FY"), fns)).toEqual([]);
  });

  it("replaces the partial name, in any case, with the full name and an opening bracket", () => {
    expect(acceptSuggestion(end("=PBR.TA"), "PBR.TARIFF")).toEqual({
      text: "=PBR.TARIFF(",
      caret: 12,
    });
    expect(acceptSuggestion(end("=SUM(pbr.ta"), "PBR.TARIFF")).toEqual({
      text: "=SUM(PBR.TARIFF(",
      caret: 16,
    });
    // Text after the caret stays; a bracket already there is not doubled.
    expect(acceptSuggestion({ text: "=1+PBR.TA(A1)", caret: 9 }, "PBR.TARIFF")).toEqual({
      text: "=1+PBR.TARIFF(A1)",
      caret: 14,
    });
    expect(acceptSuggestion({ text: "=PBR.T+2", caret: 6 }, "PBR.TARIFF")).toEqual({
      text: "=PBR.TARIFF(+2",
      caret: 12,
    });
  });

  it("Tab and Enter accept the highlighted suggestion; the arrows move it, wrapping", () => {
    expect(suggestionKey("Tab", end("=PBR.TA"), 0, fns)).toEqual({
      kind: "accept",
      typed: end("=PBR.TARIFF("),
    });
    expect(suggestionKey("Enter", end("=PBR.FY"), 1, fns)).toEqual({
      kind: "accept",
      typed: end("=PBR.FYDAYS("),
    });
    expect(suggestionKey("ArrowDown", end("=PBR.FY"), 1, fns)).toEqual({
      kind: "move",
      highlight: 0,
    });
    expect(suggestionKey("ArrowUp", end("=PBR.FY"), 0, fns)).toEqual({
      kind: "move",
      highlight: 1,
    });
    // A highlight left over from a longer list is held to the list shown.
    expect(suggestionKey("Tab", end("=PBR.TA"), 5, fns)).toEqual({
      kind: "accept",
      typed: end("=PBR.TARIFF("),
    });
  });

  it("leaves every other key, and every key when no list shows, to the editor", () => {
    expect(suggestionKey("Escape", end("=PBR.TA"), 0, fns)).toBeNull();
    expect(suggestionKey("Enter", end("=PBR.TARIFF(11)"), 0, fns)).toBeNull();
    expect(suggestionKey("Tab", end("=PBR.ZZ"), 0, fns)).toBeNull();
    expect(suggestionKey("Enter", end("hello"), 0, fns)).toBeNull();
  });
});
