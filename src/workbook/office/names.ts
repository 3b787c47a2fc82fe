/** Excel's rules for sheet, table and defined names, so the adapter never asks for an invalid one. */
export { MAX_SHEET_NAME, cleanIdentifier, cleanSheetName } from "../excelRules";

/** "Prices!$A$4:$D$25" style reference for a defined name. */
export function absoluteReference(sheet: string, address: string): string {
  const abs = address
    .split(":")
    .map((a) => a.replace(/^\$?([A-Za-z]{1,3})\$?(\d+)$/, "$$$1$$$2"))
    .join(":");
  const quoted = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
  return `=${quoted}!${abs}`;
}

/** Strip an optional "Sheet!" prefix from an address Excel returns. */
export function localAddress(address: string): string {
  const bang = address.lastIndexOf("!");
  return bang >= 0 ? address.slice(bang + 1) : address;
}
