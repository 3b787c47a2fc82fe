/**
 * Save the playground's workbook as an .xlsx that reads right with or without the add-in:
 * - every formula with the value it gives in the playground (cached values), so LibreOffice, a
 *   viewer, or Excel before PbR Toolkit loads shows the playground's numbers, not #NAME? or zeros;
 * - a PBR call as Excel stores a JavaScript custom function (`_xldudf_PBR_FYCOST(…)`), a spilling
 *   formula as a dynamic array formula with its spill range (sheetXml.ts);
 * - every table as an Excel table part (a table Excel would refuse is kept as a name, with a note);
 * - every defined name; number formats;
 * - the add-in's web extension and task pane parts, so Excel offers PbR Toolkit with the file; Excel
 *   shows the saved values until it recalculates with the add-in loaded (packageParts.ts says why
 *   there is no fullCalcOnLoad).
 * - every chart as an Excel chart over its cells, in the page's colours (chartParts.ts).
 * Not saved: column widths, fonts. The file's description (docProps/core.xml, coreProps.ts) and
 * the page say what was left out.
 *
 * Why a small writer and not write-excel-file (used before issue 30): that library cannot write a
 * formula's cached value, an array or dynamic array formula, a table part or extra package parts,
 * and its author asks features not to rely on the shape of its XML. Everything it did for us
 * (sheets, shared strings, number formats, names) is a few lines here; fflate (already a dependency)
 * zips the parts. ExcelJS, the other candidate, writes tables and cached values but not dynamic
 * array metadata, and would add about 200 packages to the page.
 */
import { strToU8, zip, zipSync, type Zippable } from "fflate";
import type { EmbeddedWorkbook } from "../../workbook/embeddedPort";
import {
  contentTypesXml,
  metadataXml,
  rootRelsXml,
  sheetRelsXml,
  tableXml,
  webExtensionParts,
  workbookRelsXml,
  workbookXml,
} from "./packageParts";
import { NumberFormats, SharedStrings, sheetXml } from "./sheetXml";
import { addCoreProperties } from "./coreProps";
import { addCharts } from "./chartParts";
import { takeSnapshot, type WorkbookSnapshot } from "./snapshot";

/** Every part of the package, by path, as text. */
export function xlsxParts(snapshot: WorkbookSnapshot): Record<string, string> {
  const strings = new SharedStrings();
  const formats = new NumberFormats();
  const parts: Record<string, string> = {};
  let tableNo = 0;
  let dynamic = false;
  snapshot.sheets.forEach((sheet, i) => {
    const rels = sheet.tables.map((table) => {
      tableNo++;
      parts[`xl/tables/table${tableNo}.xml`] = tableXml(table, tableNo);
      return { id: `rIdT${tableNo}`, n: tableNo };
    });
    const out = sheetXml(sheet, { strings, formats, tableRels: rels.map((r) => r.id) });
    dynamic ||= out.dynamic;
    parts[`xl/worksheets/sheet${i + 1}.xml`] = out.xml;
    if (rels.length) parts[`xl/worksheets/_rels/sheet${i + 1}.xml.rels`] = sheetRelsXml(rels);
  });
  const n = snapshot.sheets.length;
  Object.assign(parts, {
    "[Content_Types].xml": contentTypesXml(n, tableNo, dynamic),
    "_rels/.rels": rootRelsXml(),
    "xl/workbook.xml": workbookXml(
      snapshot.sheets.map((s) => s.name),
      snapshot.names
    ),
    "xl/_rels/workbook.xml.rels": workbookRelsXml(n, dynamic),
    "xl/styles.xml": formats.xml(),
    "xl/sharedStrings.xml": strings.xml(),
    ...webExtensionParts(),
  });
  if (dynamic) parts["xl/metadata.xml"] = metadataXml();
  addCharts(
    parts,
    snapshot.sheets.map((s) => s.name),
    snapshot.charts ?? []
  );
  // The file says what it does not keep (charts, tables kept as names), in its description.
  addCoreProperties(parts, snapshot.notes);
  return parts;
}

function zippable(parts: Record<string, string>): Zippable {
  const out: Zippable = {};
  // [Content_Types].xml first, as Excel writes it (some readers look for it there).
  const order = [
    "[Content_Types].xml",
    ...Object.keys(parts).filter((p) => p !== "[Content_Types].xml"),
  ];
  for (const p of order) out[p] = strToU8(parts[p]);
  return out;
}

/** The package's bytes, zipped in this thread (tests, Node). */
export function xlsxBytes(snapshot: WorkbookSnapshot): Uint8Array {
  return zipSync(zippable(xlsxParts(snapshot)), { level: 6 });
}

/** The package's bytes, compressed off the page's thread where the browser allows (fflate's workers). */
export function xlsxBytesAsync(snapshot: WorkbookSnapshot): Promise<Uint8Array> {
  const files = zippable(xlsxParts(snapshot));
  return new Promise((resolve, reject) =>
    zip(files, { level: 6 }, (err, data) => (err ? reject(err) : resolve(data)))
  );
}

/** The workbook as an .xlsx Blob: its content taken now, written and compressed after. */
export async function saveWorkbookXlsx(
  wb: EmbeddedWorkbook,
  write: (snapshot: WorkbookSnapshot) => Promise<Uint8Array> = xlsxBytesAsync
): Promise<{ blob: Blob; notes: string[] }> {
  const snapshot = takeSnapshot(wb);
  const bytes = await write(snapshot);
  return {
    blob: new Blob([bytes as BlobPart], {
      type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    }),
    notes: snapshot.notes,
  };
}
