/**
 * What a subcommand is given and how it fails: its arguments, somewhere to print (standard output
 * for results, standard error for progress and messages) and a CliError whose one-line message
 * is all the user sees. Exit codes: 0 done, 1 the work failed (a file missing or unreadable),
 * 2 the command was asked wrongly (an unknown option, field or header).
 */
export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
  /** Whether standard error is a terminal (a progress bar redraws in place only there). */
  errIsTty: boolean;
}

export const nodeIo = (): Io => ({
  out: (t) => void process.stdout.write(t),
  err: (t) => void process.stderr.write(t),
  errIsTty: Boolean(process.stderr.isTTY),
});

export const USAGE = 2;
export const FAILED = 1;

export class CliError extends Error {
  constructor(
    message: string,
    readonly code: typeof USAGE | typeof FAILED,
    /** Whether the command's usage is printed after the message (for a wrongly asked command). */
    readonly showUsage: boolean = code === USAGE
  ) {
    super(message);
  }
}

export const usageError = (message: string) => new CliError(message, USAGE);
/** An input file refused for what it is (exit 2, as other bad input), the usage being fine. */
export const refused = (message: string) => new CliError(message, USAGE, false);
export const failure = (message: string) => new CliError(message, FAILED);

/** A subcommand: one line of help, its usage, and the work (resolves to the exit code). */
export interface Command {
  summary: string;
  usage: string;
  run: (args: string[], io: Io) => Promise<number>;
}

/** The first line of an engine's message, without DuckDB's "Error:" prefixes. */
export function oneLine(e: unknown): string {
  const text = e instanceof Error ? e.message : String(e);
  return (text.split("\n").find((l) => l.trim() !== "") ?? text).trim();
}
