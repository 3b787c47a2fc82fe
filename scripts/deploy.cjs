/* Building for a trust's own web server: the address the add-in is hosted at (ADDIN_URL), the
   manifest rewritten to it, and the function help pages Excel opens from "Help on this function".
   Pure functions, used by webpack.config.js and tested in test/deploy.test.ts. */
const DEV_URL = "https://localhost:3000/";

/**
 * The base address files are served from, with a trailing slash. Without ADDIN_URL: the local
 * development address. An http, placeholder or malformed address is refused with a message.
 */
function resolveAddinUrl(value) {
  if (value === undefined || value === null || String(value).trim() === "") return DEV_URL;
  const text = String(value).trim();
  let url;
  try {
    url = new URL(text);
  } catch {
    throw new Error(
      `ADDIN_URL "${text}" is not a web address: give the HTTPS address the add-in's files will be served from, e.g. https://apps.trust.nhs.uk/pbr-toolkit/`
    );
  }
  if (url.protocol !== "https:")
    throw new Error(`ADDIN_URL "${text}" is not HTTPS: Office only loads add-ins over HTTPS`);
  if (
    /(^|\.)(example\.(com|org|net)|contoso\.com|your[-_.]?(host|server|domain)|placeholder)$/i.test(
      url.hostname
    ) ||
    /[<>{}]/.test(text)
  )
    throw new Error(`ADDIN_URL "${text}" looks like a placeholder: give your own server's address`);
  if (url.search || url.hash)
    throw new Error(`ADDIN_URL "${text}" must not have a query or a fragment`);
  const path = url.pathname.endsWith("/") ? url.pathname : `${url.pathname}/`;
  return `${url.origin}${path}`;
}

/** Manifest version from package.json's version: 0.1.0 → 0.1.0.0 (Office wants four parts). */
function manifestVersion(version) {
  const parts = String(version)
    .split(/[.+-]/)
    .slice(0, 3)
    .map((p) => String(Number(p) || 0));
  while (parts.length < 4) parts.push("0");
  return parts.join(".");
}

/** manifest.xml for `base`: every localhost URL moved under it, AppDomain its origin, Version from package.json. */
function buildManifest(xml, base, version) {
  const origin = new URL(base).origin;
  return xml
    .replace(/https:\/\/localhost:3000\//g, base)
    .replace(
      /<AppDomain>https:\/\/localhost:3000<\/AppDomain>/g,
      `<AppDomain>${origin}</AppDomain>`
    )
    .replace(/<Version>[^<]*<\/Version>/, `<Version>${manifestVersion(version)}</Version>`);
}

/**
 * functions.json with allowErrorForDataTypeAny: Excel then calls a function even when an input
 * cell holds an error (#DIV/0!, #N/A …), so the function can answer that row with its error and the
 * other rows as usual; without it one error cell makes the whole spilled result that error. It is a
 * top-level property covering every parameter of type "any" (all of ours but the fixed choices
 * declared with @customenum, one value for the whole call), and
 * custom-functions-metadata cannot emit it, so the build adds it here.
 *
 * Microsoft documents the property as working "only with manually created JSON metadata"
 * (https://learn.microsoft.com/office/dev/add-ins/excel/custom-functions-errors): the generator has
 * no tag for it. Excel reads only the shipped functions.json, which after this step is the same
 * JSON a hand-written file would be (test/golden/functions.json holds it at the top level). What
 * is not verified here is Excel's behaviour with it: docs/deploy.md lists the check to make once
 * in real Excel (an error cell inside an input range).
 */
function allowErrorInputs(metadata) {
  // allowCustomDataForDataTypeAny is dropped: with it Excel hands a data-type cell (a linked
  // entity, a formatted number) to an "any" parameter as an object, which the functions would
  // read as text "[object Object]". Without it the cell arrives as its plain value.
  // https://learn.microsoft.com/office/dev/add-ins/excel/custom-functions-data-types-concepts
  // eslint-disable-next-line no-unused-vars
  const { allowCustomDataForDataTypeAny: _dataTypes, ...rest } = metadata;
  return { allowErrorForDataTypeAny: true, ...rest };
}

/** functions.json as the build ships it: error inputs allowed, a help link on every function. */
function finishMetadata(metadata, base) {
  return addHelpUrls(allowErrorInputs(metadata), base);
}

/** functions.json with a helpUrl on every function: base + help/<ID>.html. */
function addHelpUrls(metadata, base) {
  return {
    ...metadata,
    functions: metadata.functions.map((f) => ({ ...f, helpUrl: `${base}help/${f.id}.html` })),
  };
}

const escape = (s) =>
  String(s ?? "").replace(
    /[&<>"]/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]
  );

const PAGE = (title, body) => `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${escape(title)}</title>
<style>body{font-family:Segoe UI,Arial,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#222}code{background:#f3f3f3;padding:0 .2em}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.3em .6em;text-align:left;vertical-align:top}</style>
</head>
<body>
${body}
</body>
</html>
`;

const ERRORS = `<h2>When it cannot answer</h2>
<p>A bad row gives an error in that row only, with a message naming the row, the value and what was expected:
<code>#VALUE!</code> for something that cannot be read, <code>#N/A</code> for something not found in a table,
<code>#NUM!</code> for a number out of range (any number beyond ±1E+15). For <code>#VALUE!</code> and <code>#N/A</code>
Excel shows the message when you select the cell and point at the error sign; Excel shows no message for
<code>#NUM!</code> (the task pane's check before a journey and the playground name the row and value). A blank row gives
a blank result.</p>`;

/** One help page per function, and an index, from the same metadata as functions.json. */
function helpPages(metadata, namespace = "PBR") {
  const pages = {};
  const list = [];
  for (const f of metadata.functions) {
    const params = f.parameters || [];
    const signature = `${namespace}.${f.name}(${params.map((p) => (p.optional ? `[${p.name}]` : p.name)).join(", ")})`;
    const rows = params
      .map(
        (p) =>
          `<tr><td><code>${escape(p.name)}</code>${p.optional ? " (optional)" : ""}</td><td>${escape(p.description)}</td></tr>`
      )
      .join("\n");
    pages[`help/${f.id}.html`] = PAGE(
      `${namespace}.${f.name}`,
      `<p><a href="index.html">All PbR Toolkit functions</a></p>
<h1>${escape(namespace)}.${escape(f.name)}</h1>
<p>${escape(f.description)}</p>
<p><code>=${escape(signature)}</code></p>
${params.length ? `<h2>Arguments</h2>\n<table>\n<tr><th>Argument</th><th>What to give</th></tr>\n${rows}\n</table>` : ""}
<h2>Result</h2>
<p>${escape(f.result && f.result.dimensionality === "matrix" ? "A range that spills: one answer per input row." : "One value.")}</p>
${ERRORS}
<p>Indicative and illustrative tables are labelled so in the workbook; see the documentation that came with the add-in.</p>`
    );
    list.push(
      `<li><a href="${f.id}.html">${escape(namespace)}.${escape(f.name)}</a>: ${escape(f.description)}</li>`
    );
  }
  pages["help/index.html"] = PAGE(
    "PbR Toolkit functions",
    `<h1>PbR Toolkit functions</h1>\n<ul>\n${list.join("\n")}\n</ul>`
  );
  return pages;
}

module.exports = {
  DEV_URL,
  resolveAddinUrl,
  manifestVersion,
  buildManifest,
  addHelpUrls,
  allowErrorInputs,
  finishMetadata,
  helpPages,
};
