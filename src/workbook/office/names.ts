/** Excel's rules for sheet, table and defined names, so the adapter never asks for an invalid one. */
import { qualified } from "../address";

const SHEET_FORBIDDEN = /[:\\/?*[\]]/g;
export const MAX_SHEET_NAME = 31;

/** A valid worksheet name: forbidden characters replaced, trimmed, at most 31 characters. */
export function cleanSheetName(name: string): string {
  const cleaned = name
    .replace(SHEET_FORBIDDEN, "_")
    .replace(/^'+|'+$/g, "")
    .trim();
  return (cleaned || "Sheet").slice(0, MAX_SHEET_NAME - 5); // leave room for " (99)"
}

/**
 * A valid table or defined name: letters, digits, "_" and "."; starting with a letter or "_";
 * never something Excel reads as a cell reference ("A1", "R1C1", "R", "C").
 */
export function cleanIdentifier(name: string): string {
  let s = name.replace(/[^A-Za-z0-9_.]/g, "_");
  if (!/^[A-Za-z_]/.test(s)) s = `_${s}`;
  if (/^[A-Za-z]{1,3}\d+$/.test(s) || /^[RrCc]\d*$/.test(s) || /^[Rr]\d*[Cc]\d*$/.test(s))
    s = `_${s}`;
  return s.slice(0, 250);
}

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
