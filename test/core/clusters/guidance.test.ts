/* What the booklet says about a suggestion (issue 29): notes picked by the suggestion, each with
   its source, and nothing that claims the booklet's unread criteria are met. */
import { GUIDANCE_NOTE, GUIDANCE_SOURCES, guidanceFor } from "../../../src/core/clusters/guidance";
import data from "../../../src/core/clusters/booklet-guidance.json";
import { row } from "./fixtures";

const ids = (notes: { id: string }[]) => notes.map((n) => n.id);

describe("booklet guidance notes", () => {
  it("every note names a known source, and the file says which parts could not be read", () => {
    for (const n of data.notes) expect(Object.keys(GUIDANCE_SOURCES)).toContain(n.source);
    expect(GUIDANCE_NOTE).toMatch(
      /colour grids .* decision tree's questions .* step-down criteria .* bipolar practice guidance note .* could not be read/
    );
    expect(GUIDANCE_SOURCES.B3).toMatch(/Appendix 2 Decision Tree p18.*Appendix 4 .* p65/);
  });

  it("always shows the decision tree, step-down and timing notes, last, and never says step-down is met", () => {
    const notes = guidanceFor(3, "A", row({ 7: 3 }));
    expect(ids(notes)).toEqual(["decision-tree", "step-down", "timing"]);
    const stepDown = notes.find((n) => n.id === "step-down")!;
    expect(stepDown.text).toMatch(/not held here/);
    expect(stepDown.text).not.toMatch(/meets step-down/);
    expect(notes.find((n) => n.id === "timing")!.text).toBe(
      "Cluster after at most two community contacts or two occupied bed days."
    );
  });

  it.each([
    [11, ["recovery-11"]],
    [12, ["recovery-11"]],
    [5, ["five-or-seven"]],
    [7, ["five-or-seven", "inpatient-revert"]],
    [16, ["inpatient-revert"]],
    [19, []],
  ])("cluster %i gets its own notes %j first", (code, own) => {
    const notes = guidanceFor(code, null, row({ 6: code >= 10 && code <= 17 ? 2 : 0 }));
    expect(ids(notes).slice(0, own.length)).toEqual(own);
    expect(notes).toHaveLength(own.length + 3);
  });

  it("psychotic super class with item 6 rated 0 points to the bipolar guidance note, without restating it", () => {
    const notes = guidanceFor(0, "B", row({ 7: 1, A: 3 }));
    const bipolar = notes.find((n) => n.id === "bipolar-well")!;
    expect(bipolar.text).toMatch(/Annex B3 Appendix 4, p65/);
    expect(bipolar.text).toMatch(/its text is not held here/);
    expect(bipolar.source).toMatch(/BJPsych Bulletin/);
    // Non-psychotic with item 6 rated 0: no such note; item 6 not known: none either.
    expect(ids(guidanceFor(3, "A", row({ 7: 3 })))).not.toContain("bipolar-well");
    expect(ids(guidanceFor(0, "B", row({ 6: 9 })))).not.toContain("bipolar-well");
  });
});
