// Spark SQL syntax check with dt-sql-parser (an ANTLR grammar of Spark SQL). dt-sql-parser ships as
// ES modules with directory imports, which Jest's CommonJS cannot load, so test/sql/parse.test.ts
// runs this with tsx. Prints {file: [errors]} for each path given.
import { readFileSync } from "node:fs";
import { SparkSQL } from "dt-sql-parser";

const spark = new SparkSQL();
const out: Record<string, unknown[]> = {};
for (const f of process.argv.slice(2)) out[f] = spark.validate(readFileSync(f, "utf8"));
process.stdout.write(JSON.stringify(out));
