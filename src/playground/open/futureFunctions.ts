/**
 * Excel's "future functions": functions added after the 2007 file format was fixed, which a file
 * must store with the `_xlfn.` prefix (FILTER and SORT with `_xlfn._xlws.`), or Excel reads the
 * name as unknown and shows #NAME? (XlsxWriter's documentation, "Formulas added in Excel 2010 and
 * later"; Microsoft's "Issue: An _xlfn. prefix is displayed in front of a formula"). Listed here:
 * those the playground's engine (HyperFormula 3) calculates, so a user can type them; a test holds
 * the list to the engine's own function names.
 */
export const FUTURE_FUNCTIONS: readonly string[] = [
  "ACOT",
  "ACOTH",
  "ARABIC",
  "BASE",
  "BETA.DIST",
  "BETA.INV",
  "BINOM.DIST",
  "BINOM.INV",
  "BITAND",
  "BITLSHIFT",
  "BITOR",
  "BITRSHIFT",
  "BITXOR",
  "CEILING.MATH",
  "CEILING.PRECISE",
  "CHISQ.DIST",
  "CHISQ.DIST.RT",
  "CHISQ.INV",
  "CHISQ.INV.RT",
  "CHISQ.TEST",
  "COMBINA",
  "CONFIDENCE.NORM",
  "CONFIDENCE.T",
  "COT",
  "COTH",
  "COVARIANCE.P",
  "COVARIANCE.S",
  "CSC",
  "CSCH",
  "DAYS",
  "DECIMAL",
  "EXPON.DIST",
  "F.DIST",
  "F.DIST.RT",
  "F.INV",
  "F.INV.RT",
  "F.TEST",
  "FILTER",
  "FLOOR.MATH",
  "FLOOR.PRECISE",
  "FORMULATEXT",
  "GAMMA",
  "GAMMA.DIST",
  "GAMMA.INV",
  "GAMMALN.PRECISE",
  "GAUSS",
  "HSTACK",
  "HYPGEOM.DIST",
  "IFNA",
  "IFS",
  "IMCOSH",
  "IMCOT",
  "IMCSC",
  "IMCSCH",
  "IMSEC",
  "IMSECH",
  "IMSINH",
  "IMTAN",
  "ISFORMULA",
  "ISOWEEKNUM",
  "LOGNORM.DIST",
  "LOGNORM.INV",
  "MAXIFS",
  "MINIFS",
  "NEGBINOM.DIST",
  "NETWORKDAYS.INTL",
  "NORM.DIST",
  "NORM.INV",
  "NORM.S.DIST",
  "NORM.S.INV",
  "PDURATION",
  "PERCENTILE.EXC",
  "PERCENTILE.INC",
  "PHI",
  "POISSON.DIST",
  "QUARTILE.EXC",
  "QUARTILE.INC",
  "RRI",
  "SEC",
  "SECH",
  "SEQUENCE",
  "SHEET",
  "SHEETS",
  "SKEW.P",
  "SORT",
  "STDEV.P",
  "STDEV.S",
  "SWITCH",
  "T.DIST",
  "T.DIST.2T",
  "T.DIST.RT",
  "T.INV",
  "T.INV.2T",
  "T.TEST",
  "TEXTJOIN",
  "UNICHAR",
  "UNICODE",
  "UNIQUE",
  "VAR.P",
  "VAR.S",
  "VSTACK",
  "WEIBULL.DIST",
  "WORKDAY.INTL",
  "XLOOKUP",
  "XOR",
  "Z.TEST",
];

/** FILTER and SORT are stored as `_xlfn._xlws.FILTER`, `_xlfn._xlws.SORT`. */
const WORKSHEET_ONLY = new Set(["FILTER", "SORT"]);

const CALL = new RegExp(
  `(?<![\\w.$])(${[...FUTURE_FUNCTIONS]
    .sort((a, b) => b.length - a.length)
    .map((f) => f.replace(/\./g, "\\."))
    .join("|")})(?=\\s*\\()`,
  "gi"
);

/** Formula text (outside quotes: the caller's business) with each future function call prefixed. */
export function withFuturePrefixes(text: string): string {
  return text.replace(CALL, (name: string) => {
    const upper = name.toUpperCase();
    return `${WORKSHEET_ONLY.has(upper) ? "_xlfn._xlws." : "_xlfn."}${upper}`;
  });
}
