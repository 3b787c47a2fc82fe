// Authoring source for the built-in INDICATIVE cluster profile (src/core/clusters/default-profile.json).
//
// What the national Clustering Booklet gives and what it does not (issue 29, checked 2026-12-06):
// the booklet (V3.0 2013/14; V5.0 2016/17, Gateway 04421; NTPS 2017/19 Annex B3; 2019/20 Annex DtE)
// prints each cluster's colour grid in Appendix 3 (Annex B3: pages 19–64) beside the cluster's
// description. The copies reachable here hold the booklet's contents page and introduction only; the
// grids are colour, and no public text transcription of their cells was found. So every cell below
// is OURS, inferred from the published descriptions, and the Source column of each row says so and
// says which published words it follows. Rows held to a published statement name it.
//
// Each cluster lists 18 tokens in MHCT item order (1–13, A–E):
//   R<digits>  red (essential): the rating must be one of these digits (e.g. R234). Red rules
//              carry each cluster's KEY SCALES: item 3 for 16, items 6 and 7 for 15, item 4 for
//              18–21, item 6 for 10–17, item 13 for 6, item B for 8, item D for 17, items 10
//              and 12 for 7 and 12, item 5 for 21.
//   any other token: the typical ratings, one letter per rating 0–4 from the table L below
//              (O = expected, 2 points; Y = possible, 1 point; . = atypical, 0).
// The profile is used after the super class is chosen (default-superclass-rules.json), so it
// separates clusters within a super class. Run `node scripts/author-default-profile.mjs` to
// rewrite the JSON after editing; test/core/clusters/vignettes.ts and bookletVignettes.ts check
// the result, and test/core/clusters/profileSources.test.ts checks the sourced rows.
const L = {
  a: "OO...", // 0–1
  l: "OOY..", // 0–1, 2 possible
  b: ".OO..", // 1–2
  m: ".OOY.", // 1–2, 3 possible
  c: "..OO.", // 2–3
  M: "..OOY", // 2–3, 4 possible
  d: "...OO", // 3–4
  h: "..YOO", // 3–4, 2 possible
  H: "YYOOO", // 2–4, 0–1 possible ("may often be at high risk")
  w: "YOOY.", // 1–2, 0 or 3 possible
  "*": "YYYYY", // anything
};
const items = ["1","2","3","4","5","6","7","8","9","10","11","12","13","A","B","C","D","E"];
//       1    2    3    4    5    6    7   8   9   10   11  12   13   A    B    C   D   E
const spec = {
  1: "a R01 R01 a l R01 b b l a l l R01 a a a a a",
  2: "a R01 R01 a l R01 b b b l l b R01 a a a l b",
  3: "l l l a l R01 M M b b l b R01 a l a l b",
  4: "l m m l l R01 h h c b l M R01 l l l m c",
  5: "w H w l m R01 d d c c M d w l H M m d",
  6: "l l l a w R01 m M m b l M R234 l l a m m",
  7: "l l l l w R01 M M c R34 M R34 l l l l m c",
  8: "M m M a l R01 M M h b M M l m R34 M h h",
  10: "m l l l l R234 m m m m l M l a a a l m",
  11: "l l l l l R12 l l l R01 l R012 l * l l l l",
  12: "l l l l m R12 m m M R234 M R34 l l l l m h",
  13: "m l l m m R34 m M h R234 M h l M l l m h",
  14: "d m m l l R34 m M h m m h l h l M m M",
  15: "l h l l m R234 R34 m m M l h l l m l l m",
  16: "w l R34 l l R1234 m m M m M M l w l l M M",
  17: "m l M l l R1234 l m M m M M l m l l R34 M",
  18: "a a a R123 l a l l l R012 l l a a a a a l",
  19: "m l l R234 m l M M m m l m a l l l l M",
  20: "h l l R34 m M m M h d m d a w l w m h",
  21: "l l l R234 R34 l l l l d l d a l l l M h",
};

// Where each row's cells come from. B3 = NTPS 2017/19 Annex B3 (the booklet), Appendix 3, pp 19–64.
const APP3 = "Clustering Booklet (NTPS 2017/19 Annex B3) Appendix 3, pp 19-64";
const LETTER =
  "eLetter on Bekas & Michev 2013 (BJPsych Bulletin): a person rated 0 here and placed in a psychotic cluster 'breach[es] the red rule'";
/** Rows held to a published statement: "cluster/item" → source text. */
const HELD = {
  "5/13":
    `Ours, held to the cluster 5 description ('may have some unreasonable beliefs', ${APP3}): 1-2 expected, 0 or 3 possible`,
  "5/B":
    `Ours, held to the cluster 5 description ('may often be at high risk for suicide', ${APP3}): repeat self-harm expected at 2-4, possible at 0-1`,
  "5/2":
    `Ours, held to the cluster 5 description ('may often be at high risk for suicide', ${APP3}): self-injury expected at 2-4, possible at 0-1, not essential`,
};
for (const c of [10, 11, 12, 13, 14, 15, 16, 17])
  HELD[`${c}/6`] = `Red excludes 0 after the ${LETTER}; which ratings 1-4 are red is ours`;
// Clusters 1-3 and 5 say so in their descriptions (1-2: no distressing psychotic symptoms; 3: not
// including psychosis; 5: no distressing hallucinations or delusions); cluster 4's, as read, does not.
for (const c of [1, 2, 3, 5])
  HELD[`${c}/6`] =
    `Ours, after the cluster ${c} description (no distressing psychotic symptoms, hallucinations or delusions, ${APP3}); reading that as 0-1 is ours`;

function source(code, item, token) {
  const held = HELD[`${code}/${item}`];
  if (held) return held;
  const kind = token.startsWith("R") ? "red cells on a key scale" : "typical ratings";
  // The same words on every such row (the row names its cluster), so a workbook stores it once.
  return `Ours (indicative): ${kind} inferred from the cluster's description, ${APP3}; grid cells not readable here`;
}

const rows = [];
for (const [code, s] of Object.entries(spec)) {
  const toks = s.split(/\s+/); if (toks.length !== 18) throw new Error(code + " has " + toks.length);
  toks.forEach((t, i) => {
    let cells;
    if (t.startsWith("R")) { cells = [0,1,2,3,4].map(r => t.slice(1).includes(String(r)) ? "R" : ""); }
    else { const p = L[t]; if (!p) throw new Error(t); cells = [...p].map(c => c === "." ? "" : c); }
    rows.push([Number(code), items[i], ...cells, source(Number(code), items[i], t)]);
  });
}
const out = {
  title: "Indicative MHCT cluster profile (PbR Toolkit default)",
  note: "Indicative only: authored by PbR Toolkit from the published cluster descriptions (Clustering Booklet Appendix 3), with red (essential) cells on each cluster's key scales. It is NOT the national Clustering Booklet grid: the booklet's colour grids could not be read as text, so every cell is ours, and the Source column says which published words each row follows. Load your trust's own grid as a Profile table to replace it.",
  header: ["Cluster", "Item", "0", "1", "2", "3", "4", "Source"],
  rows,
};
const fs = await import("fs");
fs.writeFileSync(process.argv[2] ?? new URL("../src/core/clusters/default-profile.json", import.meta.url), JSON.stringify(out, null, 0).replace(/\],\[/g, "],\n[") + "\n");
console.log(rows.length);
