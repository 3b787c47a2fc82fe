/**
 * The text of a formula, split where Excel's reading of it changes: text inside "quotes",
 * 'sheet names' and [table columns] is never a name, a reference or a value, so the rewrites of a
 * formula's text (file forms, TRUE and FALSE) change only what lies outside them.
 */

/** Split a formula into pieces outside quotes and brackets (even index) and quoted or bracketed pieces (odd index). */
export function pieces(formula: string): string[] {
  const out: string[] = [];
  let at = 0;
  let start = 0;
  while (at < formula.length) {
    const ch = formula[at];
    if (ch === '"' || ch === "'") {
      out.push(formula.slice(start, at));
      let end = at + 1;
      while (end < formula.length) {
        if (formula[end] === ch) {
          if (formula[end + 1] === ch)
            end += 2; // doubled quote inside
          else break;
        } else end++;
      }
      out.push(formula.slice(at, end + 1));
      at = end + 1;
      start = at;
    } else if (ch === "[") {
      // A table reference's brackets (column names such as [FY2024] are not cells).
      out.push(formula.slice(start, at));
      let depth = 0;
      let end = at;
      for (; end < formula.length; end++) {
        if (formula[end] === "[") depth++;
        else if (formula[end] === "]" && --depth === 0) break;
      }
      out.push(formula.slice(at, end + 1));
      at = end + 1;
      start = at;
    } else at++;
  }
  out.push(formula.slice(start));
  return out;
}

export function outsideQuotes(formula: string, change: (text: string) => string): string {
  return pieces(formula)
    .map((p, i) => (i % 2 === 0 ? change(p) : p))
    .join("");
}

/**
 * TRUE and FALSE as values (`=IF(TRUE,1,2)`, `VLOOKUP(…,FALSE)`) become TRUE() and FALSE(): the
 * playground's engine (HyperFormula) knows them only as functions and gives #NAME? otherwise,
 * while Excel reads both forms the same. A name that merely contains them (TRUE_COST, Sheet TRUE!A1,
 * TRUE(…) already) is left alone. No lookbehind (older Safari webviews reject it).
 */
export function booleanLiterals(formula: string): string {
  if (!/TRUE|FALSE/i.test(formula)) return formula;
  return outsideQuotes(formula, (text) =>
    text.replace(
      /(^|[^\w.$!])(TRUE|FALSE)(?![\w.(!])/gi,
      (_m, before: string, b: string) => `${before}${b.toUpperCase()}()`
    )
  );
}

const QUOTE_JOIN = "&CHAR(34)&";

/**
 * A quote mark inside a formula's text is written doubled in Excel (`="say ""hi"""`); the
 * playground's engine (HyperFormula 3) rejects that as a parsing error. The engine gets each such
 * text as the same string built with CHAR(34), in brackets so the operators around it bind as
 * before: `("say "&CHAR(34)&"hi"&CHAR(34)&"")`. `excelQuotes` turns it back for the formula bar
 * and the saved file.
 */
export function engineQuotes(formula: string): string {
  if (!formula.includes('""')) return formula;
  return pieces(formula)
    .map((p, i) => {
      if (i % 2 === 0 || p[0] !== '"' || p.length < 4 || p[p.length - 1] !== '"') return p;
      const inner = p.slice(1, -1);
      if (!inner.includes('""')) return p;
      return `(${inner
        .split('""')
        .map((part) => `"${part}"`)
        .join(QUOTE_JOIN)})`;
    })
    .join("");
}

/** The engine's form of quoted text with quote marks (engineQuotes) back as Excel writes it. */
export function excelQuotes(formula: string): string {
  if (!formula.includes(QUOTE_JOIN)) return formula;
  const p = pieces(formula);
  const out: string[] = [];
  let i = 0;
  while (i < p.length) {
    // An outside piece ending "(", then "text" (&CHAR(34)& "text")+, then an outside piece from ")".
    let end = i + 1;
    if (i % 2 === 0 && p[i].endsWith("(") && p[end]?.[0] === '"') {
      while (p[end + 1] === QUOTE_JOIN && p[end + 2]?.[0] === '"') end += 2;
    }
    if (end > i + 1 && p[end + 1]?.startsWith(")")) {
      const texts = p.slice(i + 1, end + 1).filter((_, k) => k % 2 === 0);
      out.push(p[i].slice(0, -1), `"${texts.map((t) => t.slice(1, -1)).join('""')}"`);
      p[end + 1] = p[end + 1].slice(1);
      i = end + 1;
    } else {
      out.push(p[i]);
      i++;
    }
  }
  return out.join("");
}
