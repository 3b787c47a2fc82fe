/**
 * pbr-toolkit: the command line beside the add-in, for work past Excel's 1,048,576 rows. One table
 * of subcommands (add one line to add a command); each subcommand parses its own arguments and
 * throws a CliError for the user, so no stack trace reaches the terminal. Exit codes in io.ts.
 */
import { CliError, FAILED, USAGE, nodeIo, oneLine, type Command, type Io } from "./io";
import { mhnrgCommand } from "./mhnrg/command";
import { mhsdsCommand } from "./mhsds/command";
import { sqlCommand } from "./sqlCommand";

export const COMMANDS: Record<string, Command> = {
  mhnrg: mhnrgCommand,
  mhsds: mhsdsCommand,
  sql: sqlCommand,
};

function help(): string {
  const lines = Object.values(COMMANDS).map((c) => `  ${c.usage}\n      ${c.summary}`);
  return `Usage:\n${lines.join("\n")}\n`;
}

/** Run the command line `argv` (without node and the script); resolves to the exit code. */
export async function main(argv: readonly string[], io: Io = nodeIo()): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    io.out(help());
    return name === undefined ? USAGE : 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.err(
      `pbr-toolkit: unknown command "${name}" (commands: ${Object.keys(COMMANDS).join(", ")})\n`
    );
    return USAGE;
  }
  if (rest.includes("--help") || rest.includes("-h")) {
    io.out(`Usage: ${command.usage}\n`);
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (e) {
    // parseArgs reports unknown or malformed options with a code starting ERR_PARSE_ARGS.
    const code = (e as { code?: unknown }).code;
    const usage =
      e instanceof CliError
        ? e.code === USAGE
        : typeof code === "string" && code.startsWith("ERR_PARSE_ARGS");
    io.err(`pbr-toolkit ${name}: ${oneLine(e)}\n`);
    if (e instanceof CliError ? e.showUsage : usage) io.err(`Usage: ${command.usage}\n`);
    return usage ? USAGE : FAILED;
  }
}

if (require.main === module) {
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
