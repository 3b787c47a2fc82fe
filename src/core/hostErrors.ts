/**
 * How a PbrError is handed to the spreadsheet that shows it, when that is not Excel. The functions
 * layer (functions/host.ts) turns core's errors into Excel's `CustomFunctions.Error`; a host
 * without `CustomFunctions` (the playground's embedded engine, workbook/embedded/pbrPlugin.ts)
 * sets its own factory here. Kept in core, below both, so neither reaches up into the other.
 */
import type { PbrError } from "./errors";

export type ErrorFactory = (error: PbrError) => unknown;

let hostFactory: ErrorFactory | undefined;

/** Replace how errors are handed to the host (the playground maps them to its engine's errors). */
export function setErrorFactory(factory: ErrorFactory): void {
  hostFactory = factory;
}

/** The factory a host has set, if any (otherwise errors go to Excel). */
export function hostErrorFactory(): ErrorFactory | undefined {
  return hostFactory;
}
