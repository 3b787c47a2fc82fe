// The five SQL dialects the resource-group query is written in: only the spelling differs (string
// literals, concatenation, trim with a character set, a full-string pattern test, a safe cast to a
// number, text types). The query itself is one template (query.mjs), so a rule is never written
// twice. Used by scripts/author-mhnrg-sql.mjs.

/** The characters JavaScript's String.prototype.trim removes (what the functions trim), from the runtime itself. */
export const TRIM_CODES = [];
for (let c = 0; c <= 0xffff; c++) if (String.fromCharCode(c).trim() === "") TRIM_CODES.push(c);

const quote = (s) => `'${String(s).replace(/'/g, "''")}'`;

/**
 * A full-string pattern, given as a regular expression (no backslashes: character classes only, so
 * no dialect's string escaping changes it) and, for T-SQL (no regular expressions in SQL Server
 * before 2025 or Synapse), as the equivalent list of LIKE patterns.
 */
export function pattern(regex, likes) {
  return { regex, likes };
}

const base = {
  str: quote,
  cat: (...parts) => `(${parts.join(" || ")})`,
  upper: (x) => `upper(${x})`,
  lower: (x) => `lower(${x})`,
  text: "VARCHAR",
  price: "DECIMAL(12, 2)",
  int: "INTEGER",
  /** Drops the golden check's view before its tables are replaced ("" where CREATE OR REPLACE does). */
  dropView: "DROP VIEW IF EXISTS mhnrg_output;",
  date: "DATE",
  timestamp: "TIMESTAMP",
  double: "DOUBLE",
  /** A view, replaced if it exists (T-SQL drops it first, in its own batch). */
  view: (name, body) => `CREATE OR REPLACE VIEW ${name} AS\n${body};`,
  /** Dates (the MHSDS views): CAST to DATE, days from a to b, a date plus n days, year, month, a date from parts. */
  toDate: (x) => `CAST(${x} AS DATE)`,
  year: (x) => `year(${x})`,
  month: (x) => `month(${x})`,
  dayDiff: (a, b) => `date_diff('day', ${a}, ${b})`,
  addDays: (x, n) => `(${x} + ${n})`,
  makeDate: (y, m, dd) => `make_date(${y}, ${m}, ${dd})`,
  /** CREATE TABLE for a seed (dropped first, so the file can be re-run). */
  create: (name, cols) =>
    `DROP TABLE IF EXISTS ${name};\nCREATE TABLE ${name} (${cols.join(", ")});`,
};

export const DIALECTS = {
  duckdb: {
    ...base,
    title: "DuckDB",
    trimSet: () => `(${TRIM_CODES.map((c) => `chr(${c})`).join(" || ")})`,
    // Trimming with a 25-character Unicode set costs DuckDB most of the query: skip it when both
    // ends are printable ASCII (nothing to trim), as the functions' isBlank does.
    trim: (x, set) =>
      `CASE WHEN unicode(${x}) BETWEEN 33 AND 126 AND unicode(right(${x}, 1)) BETWEEN 33 AND 126 THEN ${x} ELSE trim(${x}, ${set}) END`,
    full: (x, p) => `regexp_full_match(${x}, ${quote(p.regex)})`,
    toNumber: (x) => `TRY_CAST(${x} AS DOUBLE)`,
  },
  postgres: {
    ...base,
    title: "PostgreSQL",
    text: "TEXT",
    trimSet: () => `(${TRIM_CODES.map((c) => `chr(${c})`).join(" || ")})`,
    trim: (x, set) => `btrim(${x}, ${set})`,
    full: (x, p) => `(${x} ~ ${quote(`^(${p.regex})$`)})`,
    // PostgreSQL has no TRY_CAST: the caller only casts text that passed the number pattern with
    // at most three significant whole digits (anything longer is out of range anyway).
    toNumber: (x) => `CAST(${x} AS DOUBLE PRECISION)`,
    needsGuardedCast: true,
    double: "DOUBLE PRECISION",
    materializeSteps: true,
    year: (x) => `CAST(EXTRACT(YEAR FROM ${x}) AS INTEGER)`,
    month: (x) => `CAST(EXTRACT(MONTH FROM ${x}) AS INTEGER)`,
    dayDiff: (a, b) => `(${b} - ${a})`,
    // A view's columns cannot change under CREATE OR REPLACE: drop (with what depends on it) first.
    view: (name, body) => `DROP VIEW IF EXISTS ${name} CASCADE;\nCREATE VIEW ${name} AS\n${body};`,
  },
  tsql: {
    ...base,
    title: "T-SQL (SQL Server 2017+, Azure Synapse)",
    str: (s) => `N${quote(s)}`,
    cat: (...parts) => `CONCAT(${parts.join(", ")})`,
    text: "NVARCHAR(400)",
    trimSet: () => `CONCAT(${TRIM_CODES.map((c) => `NCHAR(${c})`).join(", ")})`,
    trim: (x, set) => `TRIM(${set} FROM ${x})`,
    // Binary collation: [A-Z] means the 26 capitals whatever the database's collation.
    full: (x, p) =>
      `(${p.likes.map((l) => `${x} COLLATE Latin1_General_BIN LIKE ${quote(l)}`).join(" OR ")})`,
    toNumber: (x) => `TRY_CAST(${x} AS FLOAT)`,
    dropView: "IF OBJECT_ID(N'mhnrg_output', N'V') IS NOT NULL DROP VIEW mhnrg_output;",
    timestamp: "DATETIME2",
    double: "FLOAT",
    view: (name, body) =>
      `IF OBJECT_ID(N'${name}', N'V') IS NOT NULL DROP VIEW ${name};\nGO\nCREATE VIEW ${name} AS\n${body};\nGO`,
    year: (x) => `YEAR(${x})`,
    month: (x) => `MONTH(${x})`,
    dayDiff: (a, b) => `DATEDIFF(day, ${a}, ${b})`,
    addDays: (x, n) => `DATEADD(day, ${n}, ${x})`,
    makeDate: (y, m, dd) => `DATEFROMPARTS(${y}, ${m}, ${dd})`,
    create: (name, cols) =>
      `IF OBJECT_ID(N'${name}', N'U') IS NOT NULL DROP TABLE ${name};\nCREATE TABLE ${name} (${cols.join(", ")});`,
  },
  spark: {
    ...base,
    title: "Spark SQL (Databricks)",
    text: "STRING",
    // Spark's chr() covers only 0–255: the set is written as characters, escaped as \uXXXX
    // (Spark string literals read Java-style escapes).
    trimSet: () =>
      `'${TRIM_CODES.map((c) => (c === 0x20 ? " " : `\\u${c.toString(16).padStart(4, "0")}`)).join("")}'`,
    trim: (x, set) => `trim(BOTH ${set} FROM ${x})`,
    full: (x, p) => `(${x} RLIKE ${quote(`^(${p.regex})$`)})`,
    toNumber: (x) => `try_cast(${x} AS DOUBLE)`,
    dayDiff: (a, b) => `datediff(${b}, ${a})`,
    addDays: (x, n) => `date_add(${x}, ${n})`,
  },
  snowflake: {
    ...base,
    title: "Snowflake",
    // Snowflake's own idiom for a re-runnable script.
    create: (name, cols) => `CREATE OR REPLACE TABLE ${name} (${cols.join(", ")});`,
    dropView: "",
    trimSet: () => `(${TRIM_CODES.map((c) => `CHR(${c})`).join(" || ")})`,
    trim: (x, set) => `TRIM(${x}, ${set})`,
    // REGEXP_LIKE matches the whole string.
    full: (x, p) => `REGEXP_LIKE(${x}, ${quote(p.regex)})`,
    toNumber: (x) => `TRY_CAST(${x} AS DOUBLE)`,
    year: (x) => `YEAR(${x})`,
    month: (x) => `MONTH(${x})`,
    dayDiff: (a, b) => `DATEDIFF(day, ${a}, ${b})`,
    addDays: (x, n) => `DATEADD(day, ${n}, ${x})`,
    makeDate: (y, m, dd) => `DATE_FROM_PARTS(${y}, ${m}, ${dd})`,
  },
};
