// Authoring shorthand for the built-in INDICATIVE cluster profile (src/core/clusters/default-profile.json).
// Written by PbR Toolkit from the public cluster descriptions (DOMAIN.md section 3); it is NOT the
// national Clustering Booklet grid. Each cluster lists 18 tokens in MHCT item order (1–13, A–E):
//   R<digits>  red (essential): the rating must be one of these digits (e.g. R234). Red rules
//              carry each cluster's KEY SCALES: item 3 for 16, items 6 and 7 for 15, item 4 for
//              18–21, item 6 for 10–17, item 13 for 6, item B for 8, item D for 17, items 10
//              and 12 for 7 and 12, item 5 for 21, item 2 for 5.
//   any other token: the typical ratings, one letter per rating 0–4 from the table L below
//              (O = expected, 2 points; Y = possible, 1 point; . = atypical, 0).
// The profile is used after the super class is chosen (default-superclass-rules.json), so it
// separates clusters within a super class. Run `node scripts/author-default-profile.mjs` to
// rewrite the JSON after editing; test/core/clusters/vignettes.ts checks the result.
const L = {
  a: "OO...", // 0–1
  l: "OOY..", // 0–1, 2 possible
  b: ".OO..", // 1–2
  m: ".OOY.", // 1–2, 3 possible
  c: "..OO.", // 2–3
  M: "..OOY", // 2–3, 4 possible
  d: "...OO", // 3–4
  h: "..YOO", // 3–4, 2 possible
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
  5: "m R34 m l m R01 d d c c M d l l M M m d",
  6: "l l l a w R01 m M m b l M R234 l l a m m",
  7: "l l l l w R01 M M c R34 M R34 l l l l m c",
  8: "M m M a l R01 M M h b M M l m R34 M h h",
  10: "m l l l l R234 m m m m l M l a a a l m",
  11: "l l l l l R012 l l l R01 l R012 l * l l l l",
  12: "l l l l m R012 m m M R234 M R34 l l l l m h",
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
const rows = [];
for (const [code, s] of Object.entries(spec)) {
  const toks = s.split(/\s+/); if (toks.length !== 18) throw new Error(code + " has " + toks.length);
  toks.forEach((t, i) => {
    let cells;
    if (t.startsWith("R")) { cells = [0,1,2,3,4].map(r => t.slice(1).includes(String(r)) ? "R" : ""); }
    else { const p = L[t]; if (!p) throw new Error(t); cells = [...p].map(c => c === "." ? "" : c); }
    rows.push([Number(code), items[i], ...cells]);
  });
}
const out = {
  title: "Indicative MHCT cluster profile (PbR Toolkit default)",
  note: "Indicative only: authored by PbR Toolkit from the public cluster descriptions, with red (essential) cells on each cluster's key scales. It is NOT the national Clustering Booklet grid, whose cell values are not public. Load your trust's own grid as a Profile table to replace it.",
  header: ["Cluster", "Item", "0", "1", "2", "3", "4"],
  rows,
};
const fs = await import("fs");
fs.writeFileSync(process.argv[2] ?? new URL("../src/core/clusters/default-profile.json", import.meta.url), JSON.stringify(out, null, 0).replace(/\],\[/g, "],\n[") + "\n");
console.log(rows.length);
