/**
 * Progress on standard error: a step line for each stage, and on a terminal a bar redrawn in place
 * from DuckDB's own progress reading (piped output gets the step lines only).
 */
import type { Io } from "./io";

export interface Progress {
  step: (text: string) => void;
  percent: (p: number) => void;
  done: () => void;
}

export function progress(io: Io): Progress {
  let label = "";
  let drawn = false;
  const start = performance.now();
  const elapsed = () => `[${((performance.now() - start) / 1000).toFixed(1)} s]`;
  const clear = () => {
    if (drawn) io.err("\n");
    drawn = false;
  };
  return {
    step: (text) => {
      clear();
      label = text;
      io.err(`${elapsed()} ${text}\n`);
    },
    percent: (p) => {
      if (!io.errIsTty) return;
      const width = 30;
      const full = Math.round((p / 100) * width);
      io.err(
        `\r  [${"#".repeat(full)}${" ".repeat(width - full)}] ${p.toFixed(0).padStart(3)}% ${label}`
      );
      drawn = true;
    },
    done: () => {
      clear();
      label = "";
    },
  };
}
