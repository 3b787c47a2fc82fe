/** Choosing tables the user already has: sensible defaults by name. */

/** The first table whose name starts with `prefix` (case-insensitive), or "" when none does. */
export function preferTable(tables: readonly string[], ...prefixes: string[]): string {
  for (const prefix of prefixes) {
    const found = tables.find((t) => t.toLowerCase().startsWith(prefix.toLowerCase()));
    if (found) return found;
  }
  return "";
}
