/**
 * The XML side of reading an .xlsx (readXlsx.ts): one fast-xml-parser set up for SpreadsheetML,
 * element text, shared-string items and a part's relationships.
 */
import { strFromU8 } from "fflate";
import { XMLParser } from "fast-xml-parser";
import { refuseDtd } from "../../core/files/xlsxGuard";

const ARRAYS = new Set([
  "sheet",
  "row",
  "c",
  "si",
  "r",
  "definedName",
  "numFmt",
  "xf",
  "Relationship",
  "tableColumn",
]);

export const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "",
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  htmlEntities: true,
  isArray: (name) => ARRAYS.has(name),
});

export type Node = any;

/** The text of an element that may carry attributes ({ "#text": … }) or be empty. */
export function text(node: Node): string {
  if (node === undefined || node === null) return "";
  if (typeof node === "string" || typeof node === "number") return String(node);
  if (typeof node === "object" && "#text" in node) return String(node["#text"]);
  return "";
}

/** OOXML escapes control characters as _xHHHH_. */
export const unescapeText = (s: string) =>
  s.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));

/** A string item: plain <t>, or rich text runs <r><t>; phonetic runs (<rPh>) are not part of it. */
export function stringItem(si: Node): string {
  if (si === undefined || si === null || typeof si !== "object") return unescapeText(text(si));
  if (si.t !== undefined) return unescapeText(text(si.t));
  return unescapeText((si.r ?? []).map((r: Node) => text(r.t)).join(""));
}

/** Where a relationship target lives in the zip, from the part that refers to it. */
export function resolve(from: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = from.split("/").slice(0, -1);
  for (const step of target.split("/")) {
    if (step === "..") parts.pop();
    else if (step !== ".") parts.push(step);
  }
  return parts.join("/");
}

export function relsOf(
  files: Record<string, Uint8Array>,
  part: string
): { id: string; type: string; target: string }[] {
  const at = part.lastIndexOf("/");
  const path = `${part.slice(0, at)}/_rels/${part.slice(at + 1)}.rels`;
  const xml = files[path];
  if (!xml) return [];
  const textXml = strFromU8(xml);
  refuseDtd(path, textXml);
  const doc = parser.parse(textXml);
  return (doc.Relationships?.Relationship ?? []).map((r: Node) => ({
    id: String(r.Id),
    type: String(r.Type ?? ""),
    target: resolve(part, String(r.Target ?? "")),
  }));
}
