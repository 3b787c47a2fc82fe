/*
 * LibreOffice as an independent reader of the files the playground writes (Debian's
 * libreoffice-calc-nogui, installed by .ci/run). One headless conversion per call, in a profile of
 * its own so it never meets a running LibreOffice. Where LibreOffice is missing, `soffice()` is
 * null: the tests then fail on CI (where it must be there) and say why locally.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export function soffice(): string | null {
  for (const p of [
    process.env.SOFFICE,
    "/usr/bin/soffice",
    "/usr/bin/libreoffice",
    "/usr/lib/libreoffice/program/soffice",
  ])
    if (p && existsSync(p)) return p;
  return null;
}

/** Whether the LibreOffice tests can run here; on CI a missing LibreOffice is a failure. */
export function requireSoffice(): boolean {
  if (soffice()) return true;
  if (process.env.CI)
    throw new Error(
      "LibreOffice (soffice) is not installed: .ci/run installs libreoffice-calc-nogui"
    );
  console.warn(
    "LibreOffice not installed: the independent-reader checks are not run here (apt-get install libreoffice-calc-nogui)"
  );
  return false;
}

/**
 * Convert `file` with `soffice --headless --convert-to <target>`; returns the output files' paths
 * by name. `infilter` sets the import filter's options (for CSV input).
 */
export function convert(file: string, target: string, infilter?: string): Record<string, string> {
  const out = mkdtempSync(join(tmpdir(), "pbr-lo-out-"));
  const profile = mkdtempSync(join(tmpdir(), "pbr-lo-profile-"));
  execFileSync(
    soffice()!,
    [
      `-env:UserInstallation=file://${profile}`,
      "--headless",
      "--norestore",
      ...(infilter ? [`--infilter=${infilter}`] : []),
      "--convert-to",
      target,
      "--outdir",
      out,
      file,
    ],
    { stdio: "pipe", timeout: 180_000 }
  );
  const files: Record<string, string> = {};
  for (const f of readdirSync(out)) files[f] = join(out, f);
  return files;
}

export const readText = (path: string) => readFileSync(path, "utf8");

/**
 * Every sheet as CSV, one conversion: LibreOffice 7.2+ writes each sheet to `<file>-<Sheet>.csv`
 * when the CSV filter's 12th option is -1. Values as stored (not as shown), UTF-8, en-US.
 */
export const ALL_SHEETS_CSV =
  "csv:Text - txt - csv (StarCalc):44,34,76,1,,1033,true,true,false,false,false,-1";
