// Authoring shorthand for the built-in INDICATIVE cluster profile (src/core/clusters/default-profile.json).
// Written by PbR Toolkit from the public cluster descriptions (DOMAIN.md section 3); it is NOT the
// national Clustering Booklet grid. Each cluster lists 18 tokens in MHCT item order (1–13, A–E):
//   R<digits>  red: the rating must be one of these digits (e.g. R234)
//   l 0 m M h 2 4 *  shorthand for typical ratings (O = expected, Y = possible), see L below.
// Run `node scripts/author-default-profile.mjs` to rewrite the JSON after editing.
const L = { l: "OOY..", 0: "OY...", m: ".OOY.", M: "..OOY", h: "..YOO", 2: ".YOY.", 4: "...YO", "*": "YYYYY" };
const items = ["1","2","3","4","5","6","7","8","9","10","11","12","13","A","B","C","D","E"];
const spec = {
 1: "l R01 l R01 l R01 m m l 0 0 l 0 0 l 0 0 0",
 2: "l R01 l R01 l R01 m m m l l m 0 0 l 0 l l",
 3: "l R012 l R012 l R01 2 2 m m l m l l l 0 l l",
 4: "m m m R012 m R01 h h M M m M l l m l m m",
 5: "M h M R012 m R01 4 h h h M h M M h M M h",
 6: "l m l R012 m R01 M h M M l M R234 l m l M m",
 7: "m m m R012 m R01 M h h h M h m m m m M M",
 8: "M h M R012 m R01 M M h M M M m M R234 M h h",
 10: "M m m l l R234 M m M M m M l m l l m M",
 11: "l l l l m R012 m m m R012 l m l m l l l l",
 12: "m l m m m R0123 m m M R234 M h l m l l M M",
 13: "M m m m m R234 M M h R234 M h l M m m h h",
 14: "h M M m m R34 M M h h M h l h M M h h",
 15: "M h m m m R234 R34 M h h M h l m h m M h",
 16: "M M R234 m m R1234 M M h M h h l M M M h h",
 17: "M m M m m R1234 M M h M M h l M m M R234 h",
 18: "l 0 0 R12 m l m m l m l m 0 0 0 l l m",
 19: "m l l R234 m m M M M M m M l m l m m M",
 20: "h m m R234 M M M h h h M h l M m M M h",
 21: "m l l R234 h m M M M h M h l m l m h h",
};
const rows = [];
for (const [code, s] of Object.entries(spec)) {
  const toks = s.split(" "); if (toks.length !== 18) throw new Error(code + " has " + toks.length);
  toks.forEach((t, i) => {
    let cells;
    if (t.startsWith("R")) { cells = [0,1,2,3,4].map(r => t.slice(1).includes(String(r)) ? "R" : ""); }
    else { const p = L[t]; if (!p) throw new Error(t); cells = [...p].map(c => c === "." ? "" : c); }
    rows.push([Number(code), items[i], ...cells]);
  });
}
const out = {
  title: "Indicative MHCT cluster profile (PbR Toolkit default)",
  note: "Indicative only: authored by PbR Toolkit from the public cluster descriptions. It is NOT the national Clustering Booklet grid, whose cell values are not public. Load your trust's own grid as a Profile table to replace it.",
  header: ["Cluster", "Item", "0", "1", "2", "3", "4"],
  rows,
};
const fs = await import("fs");
fs.writeFileSync(process.argv[2] ?? new URL("../src/core/clusters/default-profile.json", import.meta.url), JSON.stringify(out, null, 0).replace(/\],\[/g, "],\n[") + "\n");
console.log(rows.length);
