// Authoring source for the built-in INDICATIVE super class rules
// (src/core/clusters/default-superclass-rules.json). Written by PbR Toolkit from the public
// descriptions (DOMAIN.md sections 3–4: super class "primarily" by the origin of the presenting
// condition — organic, psychotic or non-psychotic); not a national rule set, which does not exist
// in public. Rules are tried in order and the first that holds decides. Run
// `node scripts/author-superclass-rules.mjs` to rewrite the JSON after editing.
const rules = [
  ["1", "C", "4 = 4",
    "severe cognitive problems point to an organic origin (such as dementia), even when psychotic symptoms are also present"],
  ["2", "C", "4 = 3; 6 <= 2",
    "moderately severe cognitive problems without marked hallucinations or delusions point to an organic origin"],
  ["3", "B", "6 >= 2",
    "hallucinations or delusions that are definitely present point to a psychotic origin"],
  ["4", "C", "4 = 2; 6 <= 1; 1,2,3,7,8,13 <= 1",
    "mild cognitive problems are the main problem, with little else: an organic origin (low need)"],
  ["5", "B", "6 = 1; A >= 2",
    "minor psychotic symptoms with a history of agitated behaviour or expansive mood: a psychotic or bipolar history"],
  ["6", "Z", "6 = ?",
    "hallucinations and delusions (item 6) are not rated, so the origin cannot be told from the ratings: give the super class"],
  ["7", "A", "",
    "no rating points to an organic or psychotic origin: non-psychotic"],
];
const out = {
  title: "Indicative super class rules (PbR Toolkit default)",
  note:
    "Indicative only: authored by PbR Toolkit from the public descriptions of the super classes and clusters. " +
    "Not a national rule set. A person with a psychotic or bipolar history who is well today may rate 0 on item 6: " +
    "give their super class (B) in the superclass argument. Replace these rules with your trust's own.",
  header: ["Rule", "Super class", "When", "Reason"],
  rows: rules,
};
const fs = await import("fs");
fs.writeFileSync(
  process.argv[2] ?? new URL("../src/core/clusters/default-superclass-rules.json", import.meta.url),
  JSON.stringify(out, null, 1) + "\n"
);
console.log(rules.length, "rules");
