/** Excel's rules for sheet, table and defined names, so the adapter never asks for an invalid one. */
import { qualified } from "../address";

export { MAX_SHEET_NAME, cleanIdentifier, cleanSheetName } from "../excelRules";

/** "Prices!$A$4:$D$25" style reference for a defined name. */
export function absoluteReference(sheet: string, address: string): string {
  const abs = address
    .split(":")
    .map((a) => a.replace(/^\$?([A-Za-z]{1,3})\$?(\d+)$/, "$$$1$$$2"))
    .join(":");
  return `=${qualified(sheet, abs)}`;
}

/** Strip an optional "Sheet!" prefix from an address Excel returns. */
export function localAddress(address: string): string {
  const bang = address.lastIndexOf("!");
  return bang >= 0 ? address.slice(bang + 1) : address;
}
