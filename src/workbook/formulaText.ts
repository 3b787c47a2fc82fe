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
