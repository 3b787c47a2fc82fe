// Authoring source for the built-in INDICATIVE super class rules
// (src/core/clusters/default-superclass-rules.json). The STEP is published: the NHS Data Dictionary
// allocates a cluster by first choosing the super class "primarily" by the origin of the presenting
// condition (organic, psychotic or non-psychotic), and the Clustering Booklet's decision tree
// (Appendix 2; NTPS 2017/19 Annex B3 p18) starts there. The RULES below, which read the origin from
// the ratings, are ours: the decision tree's questions could not be read as text here (issue 29),
// and no national rule set exists in public. The Source column of each rule says which published
// words it follows. Rules are tried in order and the first that holds decides. Run
// `node scripts/author-superclass-rules.mjs` to rewrite the JSON after editing.
const DD = "NHS Data Dictionary (super class 'primarily' by the origin of the presenting condition)";
const LETTER =
  "eLetter on Bekas & Michev 2013 (BJPsych Bulletin): bipolar affective disorder 'is considered a psychotic condition'";
const rules = [
  ["1", "C", "4 = 4",
    "severe cognitive problems point to an organic origin (such as dementia), even when psychotic symptoms are also present",
    `Ours, after the ${DD}: cognitive impairment as the origin`],
  ["2", "C", "4 = 3; 6 <= 2",
    "moderately severe cognitive problems without marked hallucinations or delusions point to an organic origin",
    `Ours, after the ${DD}: cognitive impairment as the origin`],
  ["3", "B", "6 >= 2",
    "hallucinations or delusions that are definitely present point to a psychotic origin",
    `Ours, after the ${DD}: psychosis as the origin`],
  ["4", "C", "4 = 2; 6 <= 1; 1,2,3,7,8,13 <= 1",
    "mild cognitive problems are the main problem, with little else: an organic origin (low need)",
    `Ours, after the ${DD}: cognitive impairment as the origin`],
  ["5", "B", "6 = 1; A >= 2",
    "minor psychotic symptoms with a history of agitated behaviour or expansive mood: a psychotic or bipolar history",
    `Ours, after the ${LETTER}; the booklet's bipolar guidance (Annex B3 Appendix 4, p65) could not be read here`],
  ["6", "Z", "6 = ?",
    "hallucinations and delusions (item 6) are not rated, so the origin cannot be told from the ratings: give the super class",
    "Ours: MHCT rating 9 means not known (NHS Data Dictionary), so it cannot show an origin"],
  ["7", "A", "",
    "no rating points to an organic or psychotic origin: non-psychotic",
    `Ours, after the ${DD}: the remaining super class`],
];
const out = {
  title: "Indicative super class rules (PbR Toolkit default)",
  note:
    "Indicative only: authored by PbR Toolkit from the public descriptions of the super classes and clusters; the Source column says which. " +
    "Not a national rule set. A person with a psychotic or bipolar history who is well today may rate 0 on item 6: " +
    "the rules cannot see a diagnosis, and no psychotic cluster accepts item 6 rated 0 (a red-rule breach), so give their super class and cluster by the booklet's bipolar guidance. Replace these rules with your trust's own.",
  header: ["Rule", "Super class", "When", "Reason", "Source"],
  rows: rules,
};
const fs = await import("fs");
fs.writeFileSync(
  process.argv[2] ?? new URL("../src/core/clusters/default-superclass-rules.json", import.meta.url),
  JSON.stringify(out, null, 1) + "\n"
);
console.log(rules.length, "rules");
