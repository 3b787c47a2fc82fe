/**
 * The package's core properties part (docProps/core.xml, ECMA-376 Part 2, 11 "Core Properties"),
 * whose description says where the file came from and what it does not keep as the playground had
 * it (its charts, tables saved as names): Excel shows it under File > Info > Properties, LibreOffice
 * under File > Properties, so the file itself says so, not only the page at the moment of saving.
 */
import { escXml } from "./sheetXml";

const CORE_TYPE = "application/vnd.openxmlformats-package.core-properties+xml";
const CORE_REL =
  "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties";

/** The description written into the file. */
export function fileDescription(notes: readonly string[]): string {
  const base = "Saved from the PbR Toolkit playground.";
  return notes.length === 0 ? base : `${base} Not saved as in the playground: ${notes.join("; ")}.`;
}

export function corePropsXml(notes: readonly string[]): string {
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">` +
    `<dc:description>${escXml(fileDescription(notes))}</dc:description></cp:coreProperties>`
  );
}

/** Add docProps/core.xml to `parts`, with its content type and its package relationship. */
export function addCoreProperties(parts: Record<string, string>, notes: readonly string[]): void {
  parts["docProps/core.xml"] = corePropsXml(notes);
  parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
    "</Types>",
    `<Override PartName="/docProps/core.xml" ContentType="${CORE_TYPE}"/></Types>`
  );
  parts["_rels/.rels"] = parts["_rels/.rels"].replace(
    "</Relationships>",
    `<Relationship Id="rIdCore" Type="${CORE_REL}" Target="docProps/core.xml"/></Relationships>`
  );
}
