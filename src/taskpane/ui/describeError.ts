/* An error as the pane says it. */

/** An error as a sentence for the pane. */
export function describeError(error: unknown): string {
  if (error instanceof Error && error.message) return error.message;
  if (typeof error === "string") return error;
  return "Something went wrong and the workbook did not say what. Nothing was left half-written.";
}
