/**
 * The parts of an .xlsx package around the sheets: content types, relationships, the workbook
 * part (sheets, names, calculation settings), tables, the dynamic-array cell metadata, and the
 * add-in's web extension and task pane parts.
 */
import { escXml } from "./sheetXml";
import type { SavedName, SavedTable } from "./snapshot";

const XML = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n`;
const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships";

/**
 * The add-in as manifest.xml declares it (test/playground/saveXlsx.test.ts checks they agree).
 * Store type EXCatalog: an NHS organisation deploys the add-in from the Microsoft 365 admin centre
 * (Centralized Deployment); Microsoft's "Automatically open a task pane with a document"
 * (https://learn.microsoft.com/en-us/office/dev/add-ins/develop/automatically-open-a-task-pane-with-a-document)
 * lists the store types and their `store` values.
 */
export const ADDIN = { id: "6f1c2b7e-4d3a-4f8e-9b21-5c7d8e9a0b14", version: "0.1.0.0" };

export function contentTypesXml(sheets: number, tables: number, dynamic: boolean): string {
  const o = (part: string, type: string) => `<Override PartName="/${part}" ContentType="${type}"/>`;
  const sheetType = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
  const overrides = [
    o(
      "xl/workbook.xml",
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"
    ),
    o("xl/styles.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"),
    o(
      "xl/sharedStrings.xml",
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"
    ),
    o("xl/webextensions/taskpanes.xml", "application/vnd.ms-office.webextensiontaskpanes+xml"),
    o("xl/webextensions/webextension1.xml", "application/vnd.ms-office.webextension+xml"),
    ...(dynamic
      ? [
          o(
            "xl/metadata.xml",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheetMetadata+xml"
          ),
        ]
      : []),
  ];
  for (let i = 1; i <= sheets; i++) overrides.push(o(`xl/worksheets/sheet${i}.xml`, sheetType));
  for (let i = 1; i <= tables; i++)
    overrides.push(
      o(
        `xl/tables/table${i}.xml`,
        "application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml"
      )
    );
  return (
    XML +
    `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
    `<Default Extension="xml" ContentType="application/xml"/>${overrides.join("")}</Types>`
  );
}

/** The package's own relationships: the workbook, and the add-in's task pane (webextensiontaskpanes). */
export function rootRelsXml(): string {
  return (
    XML +
    `<Relationships xmlns="${PKG_REL}">` +
    `<Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/>` +
    `<Relationship Id="rId2" Type="http://schemas.microsoft.com/office/2011/relationships/webextensiontaskpanes" Target="xl/webextensions/taskpanes.xml"/>` +
    `</Relationships>`
  );
}

export function workbookRelsXml(sheets: number, dynamic: boolean): string {
  const rels: string[] = [];
  for (let i = 1; i <= sheets; i++)
    rels.push(
      `<Relationship Id="rId${i}" Type="${REL}/worksheet" Target="worksheets/sheet${i}.xml"/>`
    );
  rels.push(`<Relationship Id="rIdStyles" Type="${REL}/styles" Target="styles.xml"/>`);
  rels.push(
    `<Relationship Id="rIdStrings" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>`
  );
  if (dynamic)
    rels.push(`<Relationship Id="rIdMeta" Type="${REL}/sheetMetadata" Target="metadata.xml"/>`);
  return XML + `<Relationships xmlns="${PKG_REL}">${rels.join("")}</Relationships>`;
}

/**
 * The workbook part. Calculation: calcId 191029 (Excel 2019 and Microsoft 365's calculation engine)
 * and no fullCalcOnLoad, so Excel shows the values saved here on opening instead of recalculating
 * before PbR Toolkit has loaded: a PBR cell calculated without the add-in is #NAME?, and office-js
 * issues 6395 and 6611 report such cells staying #NAME? after the add-in loads. Once the add-in is
 * there (the web extension part below offers it), a full recalculation (Ctrl+Alt+F9, or the add-in
 * asking for one on start) works every PBR cell out again. ECMA-376 Part 1, 18.2.2 calcPr.
 */
export function workbookXml(sheetNames: readonly string[], names: readonly SavedName[]): string {
  const sheets = sheetNames
    .map((n, i) => `<sheet name="${escXml(n)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
    .join("");
  const defined = names.length
    ? `<definedNames>${names.map((n) => `<definedName name="${escXml(n.name)}"${n.localSheetId === undefined ? "" : ` localSheetId="${n.localSheetId}"`}>${escXml(n.ref)}</definedName>`).join("")}</definedNames>`
    : "";
  return (
    XML +
    `<workbook xmlns="${MAIN}" xmlns:r="${REL}"><workbookPr/><bookViews><workbookView activeTab="0"/></bookViews>` +
    `<sheets>${sheets}</sheets>${defined}<calcPr calcId="191029"/></workbook>`
  );
}

export function sheetRelsXml(tableParts: readonly { id: string; n: number }[]): string {
  return (
    XML +
    `<Relationships xmlns="${PKG_REL}">${tableParts.map((t) => `<Relationship Id="${t.id}" Type="${REL}/table" Target="../tables/table${t.n}.xml"/>`).join("")}</Relationships>`
  );
}

/**
 * A table's autoFilter (ECMA-376 Part 1, 18.3.2.1): each filtered column's kept values, as the
 * texts the cells show (a blank as blank="1"), as Excel writes them.
 */
function autoFilterXml(table: SavedTable): string {
  if (!table.filters?.length) return `<autoFilter ref="${table.ref}"/>`;
  const columns = table.filters.map((f) => {
    const blank = f.values.includes("") ? ` blank="1"` : "";
    const values = f.values
      .filter((v) => v !== "")
      .map((v) => `<filter val="${escXml(v)}"/>`)
      .join("");
    return `<filterColumn colId="${f.col}"><filters${blank}>${values}</filters></filterColumn>`;
  });
  return `<autoFilter ref="${table.ref}">${columns.join("")}</autoFilter>`;
}

/** A table part (ECMA-376 Part 1, 18.5.1.2 table): header row, data rows, one column per header. */
export function tableXml(table: SavedTable, id: number): string {
  const cols = table.columns
    .map((c, k) => `<tableColumn id="${k + 1}" name="${escXml(c.replace(/\n/g, "_x000a_"))}"/>`)
    .join("");
  return (
    XML +
    `<table xmlns="${MAIN}" id="${id}" name="${escXml(table.name)}" displayName="${escXml(table.name)}" ref="${table.ref}" totalsRowShown="0">` +
    autoFilterXml(table) +
    `<tableColumns count="${table.columns.length}">${cols}</tableColumns>` +
    `<tableStyleInfo name="TableStyleMedium2" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>`
  );
}

/**
 * The cell metadata that marks a formula as a dynamic array (cm="1" on the cell points at its one
 * cellMetadata block, whose futureMetadata XLDAPR carries dynamicArrayProperties fDynamic="1"):
 * [MS-XLSX] 2.6.1 and 2.3.2, the part Excel 365 writes for every spilling formula.
 */
export function metadataXml(): string {
  return (
    XML +
    `<metadata xmlns="${MAIN}" xmlns:xda="http://schemas.microsoft.com/office/spreadsheetml/2017/dynamicarray">` +
    `<metadataTypes count="1"><metadataType name="XLDAPR" minSupportedVersion="120000" copy="1" pasteAll="1" pasteValues="1" merge="1" splitFirst="1" rowColShift="1" clearFormats="1" clearComments="1" assign="1" coerce="1" cellMeta="1"/></metadataTypes>` +
    `<futureMetadata name="XLDAPR" count="1"><bk><extLst><ext uri="{bdbb8cdc-fa1e-496e-a857-3c3f30c029c3}"><xda:dynamicArrayProperties fDynamic="1" fCollapsed="0"/></ext></extLst></bk></futureMetadata>` +
    `<cellMetadata count="1"><bk><rc t="1" v="0"/></bk></cellMetadata></metadata>`
  );
}

/**
 * The add-in's web extension and the task pane that shows it, as Microsoft's "Automatically open
 * a task pane with a document" describes: Excel offers (or, once trusted, opens) PbR Toolkit with
 * the workbook, which loads its custom functions, so the `_xldudf_PBR_…` formulas bind.
 */
export function webExtensionParts(): Record<string, string> {
  return {
    "xl/webextensions/taskpanes.xml":
      XML +
      `<wetp:taskpanes xmlns:wetp="http://schemas.microsoft.com/office/webextensions/taskpanes/2010/11">` +
      `<wetp:taskpane dockstate="right" visibility="1" width="350" row="4"><wetp:webextensionref xmlns:r="${REL}" r:id="rId1"/></wetp:taskpane></wetp:taskpanes>`,
    "xl/webextensions/_rels/taskpanes.xml.rels":
      XML +
      `<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="http://schemas.microsoft.com/office/2011/relationships/webextension" Target="webextension1.xml"/></Relationships>`,
    "xl/webextensions/webextension1.xml":
      XML +
      `<we:webextension xmlns:we="http://schemas.microsoft.com/office/webextensions/webextension/2010/11" id="{B5E4A3C2-7D1F-4E8A-9C3B-2A1D0F9E8B7C}">` +
      `<we:reference id="${ADDIN.id}" version="${ADDIN.version}" store="EXCatalog" storeType="EXCatalog"/>` +
      `<we:alternateReferences/><we:properties><we:property name="Office.AutoShowTaskpaneWithDocument" value="true"/></we:properties>` +
      `<we:bindings/><we:snapshot xmlns:r="${REL}"/></we:webextension>`,
  };
}
