/**
 * Group and price a CSV extract as a stream: every row through the same checker as the row-by-row
 * journey, only the figures kept (tally.ts). The Web Worker (extractWorker.ts) runs this; unit
 * tests run it in Node on the same files as the row-by-row journey.
 */
import type { CellInput } from "../../workbook/port";
import { streamRows, type ExtractHead } from "./extractStream";
import type { ActivityColumns, Verdict } from "./preflight";
import { activityRowOf } from "./preflight";
import { activityTally, addVerdict, type ActivityTally } from "./tally";

export interface GroupRequest {
  head: ExtractHead;
  cols: ActivityColumns;
  fixedKind: "contact" | "spell" | null;
}

/** The tally of the whole extract, or null when cancelled. */
export async function groupExtract(
  file: Blob,
  request: GroupRequest,
  options: {
    /** After each slice of the file: bytes and rows read so far. */
    onProgress?: (bytes: number, rows: number) => void;
    cancelled?: () => boolean;
    sliceBytes?: number;
  } = {}
): Promise<ActivityTally | null> {
  const { head, cols, fixedKind } = request;
  const width = head.header.length;
  const { tally, add } = activityTally();
  const finished = await streamRows(
    file,
    head,
    (row, line, problem) => {
      // As the import writes a row: as wide as the header, missing values blank (the parser's
      // own array, padded in place: a million rows make no second array each).
      const cells = row as CellInput[];
      for (let c = cells.length; c < width; c++) cells.push(null);
      const r = activityRowOf(cells, line, cols, fixedKind);
      if (!problem) add(r);
      else addVerdict(tally, r, unreadable(problem));
    },
    {
      cancelled: options.cancelled,
      sliceBytes: options.sliceBytes,
      onSlice: (bytes) => options.onProgress?.(bytes, tally.rows),
    }
  );
  return finished ? tally : null;
}

const unreadable = (why: string): Verdict => ({
  bedForPrice: null,
  invalid: why,
  duplicateOf: undefined,
  blankUnits: false,
  kept: null,
});
