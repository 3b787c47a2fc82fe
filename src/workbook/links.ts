/**
 * Links inside a workbook, as Excel's HYPERLINK writes them: "#'Caseload'!A32" goes to cell A32 of
 * sheet Caseload when the cell is clicked. The pane writes them (taskpane/plan/rowRefs.ts) and the
 * playground's grid follows them.
 */

/** The in-workbook link target Excel's HYPERLINK follows: "#'Caseload'!A32". */
export function linkTarget(sheet: string, address: string): string {
  return `#'${sheet.replace(/'/g, "''")}'!${address}`;
}

/**
 * The sheet and cell an internal link target names ("#'Caseload'!A32", "#Summary!B5", a range's
 * first cell for "#Prices!A4:D25"), or null for anything else (a web address, a file, a name).
 */
export function parseLinkTarget(target: string): { sheet: string; address: string } | null {
  const m =
    /^#(?:'((?:[^']|'')+)'|([^'!#]+))!\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?[A-Za-z]{1,3}\$?\d+)?$/.exec(
      target.trim()
    );
  if (!m) return null;
  const sheet = m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2];
  if (Number(m[4]) < 1) return null;
  return { sheet, address: `${m[3].toUpperCase()}${m[4]}` };
}
