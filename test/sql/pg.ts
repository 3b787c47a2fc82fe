/**
 * A throwaway PostgreSQL cluster for the SQL tests (Debian's postgresql package: initdb and pg_ctl
 * in /usr/lib/postgresql/<version>/bin), in a temp folder, Unix socket only. `bin` is undefined
 * where PostgreSQL is not installed: the tests skip, saying so, except on CI where that fails.
 */
import { spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

function pgBin(): string | undefined {
  const root = "/usr/lib/postgresql";
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root).filter((v) => existsSync(join(root, v, "bin", "pg_ctl")));
  return versions.length ? join(root, versions.sort().reverse()[0], "bin") : undefined;
}
export const bin = pgBin();

const asRoot = process.getuid?.() === 0;

/** Run a PostgreSQL program as the postgres user when we are root (initdb refuses root). */
function run(program: string, args: string[], input?: string): string {
  const cmd = asRoot ? "runuser" : join(bin!, program);
  const full = asRoot ? ["-u", "postgres", "--", join(bin!, program), ...args] : args;
  const r = spawnSync(cmd, full, { input, encoding: "utf8", maxBuffer: 1 << 30 });
  if (r.status !== 0) throw new Error(`${program} failed: ${r.stderr || r.error}`);
  return r.stdout;
}

export class Cluster {
  readonly dir: string;
  readonly port: number;
  constructor(portOffset = 0) {
    this.dir = mkdtempSync(join(tmpdir(), "pbr-pg-"));
    this.port = 54000 + ((process.pid + portOffset) % 1000);
    chmodSync(this.dir, 0o777);
    run("initdb", [
      "-D",
      join(this.dir, "data"),
      "-A",
      "trust",
      "-U",
      "postgres",
      "-E",
      "UTF8",
      "--no-locale",
    ]);
    run("pg_ctl", [
      "-D",
      join(this.dir, "data"),
      "-w",
      "-l",
      join(this.dir, "log"),
      "-o",
      `-k ${this.dir} -p ${this.port} -c listen_addresses=''`,
      "start",
    ]);
  }
  /** Run SQL (psql meta-commands allowed) and return psql's output. */
  psql(sql: string): string {
    return run(
      "psql",
      [
        "-X",
        "-q",
        "-h",
        this.dir,
        "-p",
        String(this.port),
        "-U",
        "postgres",
        "-d",
        "postgres",
        "-v",
        "ON_ERROR_STOP=1",
      ],
      sql
    );
  }
  stop(): void {
    if (existsSync(join(this.dir, "data", "postmaster.pid")))
      run("pg_ctl", ["-D", join(this.dir, "data"), "-m", "immediate", "stop"]);
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** On CI (which installs PostgreSQL in .ci/run) a missing server is a failure, not a quiet skip. */
export function requirePostgresOnCi(file: string): void {
  if (bin) return;
  console.warn(
    `SKIPPED ${file}: PostgreSQL is not installed (apt-get install postgresql); the postgres dialect was not executed`
  );
  if (process.env.CI)
    test("PostgreSQL is installed, so the postgres dialect is executed", () => {
      throw new Error(
        "PostgreSQL is not installed: .ci/run should have installed Debian's postgresql"
      );
    });
}
