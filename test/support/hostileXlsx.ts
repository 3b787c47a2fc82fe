/*
 * Hostile workbook files, made at test time (nothing large is committed): each is small on disk
 * and built to hurt a reader that trusts it. Used by the Open workbook and Import caseload tests.
 */
import { strToU8, zipSync } from "fflate";

const NS =
  'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const REL = (id: string, target: string) =>
  `<Relationship Id="${id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="${target}"/>`;

/** A minimal workbook of the given sheets (name → sheetData XML), zipped. */
export function workbookOf(
  sheets: Record<string, string>,
  extra: Record<string, string> = {}
): Uint8Array {
  const names = Object.keys(sheets);
  const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
  const parts: Record<string, string> = {
    "[Content_Types].xml":
      '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
    "xl/workbook.xml": `<?xml version="1.0"?><workbook ${NS}><sheets>${names.map((n, i) => `<sheet name="${esc(n)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join("")}</sheets></workbook>`,
    "xl/_rels/workbook.xml.rels": `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${names.map((_n, i) => REL(`rId${i + 1}`, `worksheets/sheet${i + 1}.xml`)).join("")}</Relationships>`,
    ...extra,
  };
  names.forEach((n, i) => {
    parts[`xl/worksheets/sheet${i + 1}.xml`] =
      `<?xml version="1.0"?><worksheet ${NS}><sheetData>${sheets[n]}</sheetData></worksheet>`;
  });
  return zipSync(Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, strToU8(v)])));
}

const ID_HEADER =
  '<row r="1"><c r="A1" t="inlineStr"><is><t>ID</t></is></c><c r="B1" t="inlineStr"><is><t>Cluster</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>P1</t></is></c><c r="B2"><v>11</v></c></row>';

/** Sets every size field (local header and central directory) of the zip's entry `name` to `size`. */
function declareSize(zip: Uint8Array, name: string, size: number): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  const nameBytes = strToU8(name);
  const matches = (at: number) => nameBytes.every((b, k) => out[at + k] === b);
  for (let i = 0; i + 46 < out.length; i++) {
    const sig = view.getUint32(i, true);
    if (sig === 0x04034b50 && view.getUint16(i + 26, true) === nameBytes.length && matches(i + 30))
      view.setUint32(i + 22, size, true);
    if (sig === 0x02014b50 && view.getUint16(i + 28, true) === nameBytes.length && matches(i + 46))
      view.setUint32(i + 24, size, true);
  }
  return out;
}

/** An OLE compound file's first sector with `stream` named in its directory (UTF-16LE). */
function compoundFile(stream: string): Uint8Array {
  const out = new Uint8Array(4096);
  out.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  const name = Buffer.from(stream, "utf16le");
  out.set(name, 1024);
  return out;
}

export interface HostileFile {
  name: string;
  bytes: Uint8Array;
  /** What the message must say (a fragment). */
  says: RegExp;
}

export function hostileCorpus(): HostileFile[] {
  const good = workbookOf({ Caseload: ID_HEADER });
  // 20 MB of cells that compress to a few KB, declared as 1 GB: refused from the directory alone.
  const bombXml = `<row r="3">${'<c r="C3"><v>1</v></c>'.repeat(5)}</row>`.padEnd(
    20 * 1024 * 1024,
    " "
  );
  const bomb = declareSize(
    workbookOf({ Caseload: ID_HEADER + bombXml }),
    "xl/worksheets/sheet1.xml",
    1024 * 1024 * 1024
  );
  // The same part declared as 2 KB: it cannot unpack past 2 KB, so it reads as damaged.
  const liar = declareSize(
    workbookOf({ Caseload: ID_HEADER + bombXml }),
    "xl/worksheets/sheet1.xml",
    2048
  );
  const manySheets: Record<string, string> = {};
  for (let i = 1; i <= 5_000; i++) manySheets[`S${i}`] = "";
  return [
    {
      name: "zip bomb (1 GB declared)",
      bytes: bomb,
      says: /unpacks to 1,024 MB, more than the 300 MB/,
    },
    { name: "part larger than it declares", bytes: liar, says: /damaged/ },
    {
      name: "cells at A1 and XFD1048576",
      bytes: workbookOf({
        Caseload: ID_HEADER + '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>',
      }),
      says: /sheet Caseload uses 1,048,576 rows by 16,384 columns .* more than the 5,000,000 cells/,
    },
    {
      name: "a cell beyond Excel's last column",
      bytes: workbookOf({ Caseload: ID_HEADER + '<row r="3"><c r="XFE3"><v>1</v></c></row>' }),
      says: /beyond Excel's limits of 1,048,576 rows and 16,384 columns/,
    },
    {
      name: "5,000 sheets",
      bytes: workbookOf(manySheets),
      says: /5,000 sheets, more than the 1,000/,
    },
    {
      name: "truncated zip",
      bytes: good.slice(0, Math.floor(good.length / 2)),
      says: /damaged or incomplete/,
    },
    { name: "an .xls", bytes: compoundFile("Workbook"), says: /Excel 97–2003 workbook \(\.xls\)/ },
    {
      name: "an encrypted .xlsx",
      bytes: compoundFile("EncryptionInfo"),
      says: /protected with a password/,
    },
    {
      name: "a CSV named .xlsx",
      bytes: strToU8("ID,Cluster\nP1,11\n"),
      says: /text file \(CSV or similar\)/,
    },
    {
      name: "XML entity expansion",
      bytes: workbookOf(
        { Caseload: ID_HEADER },
        {
          "xl/sharedStrings.xml": `<?xml version="1.0"?><!DOCTYPE sst [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]><sst ${NS}><si><t>&c;</t></si></sst>`,
          "xl/worksheets/sheet2.xml": `<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "x">]><worksheet ${NS}/>`,
        }
      ),
      says: /declares XML entities/,
    },
  ];
}

/** Files the playground's reader refuses for their formulas (the import reads values only). */
export function hostileFormulas(): HostileFile[] {
  return [
    {
      name: "a 100,001-character formula",
      bytes: workbookOf({ S: `<row r="1"><c r="A1"><f>${"1+".repeat(50_000)}1</f></c></row>` }),
      says: /formula in S!A1 has 100,001 characters; Excel allows 8,192/,
    },
    {
      name: "a formula nested 2,000 deep",
      bytes: workbookOf({
        S: `<row r="1"><c r="A1"><f>${"(".repeat(2_000)}1${")".repeat(2_000)}</f></c></row>`,
      }),
      says: /nested 2,000 levels deep; Excel allows 64/,
    },
  ];
}
