/* Saving and opening .xlsx in the playground (issue 30): the saved demo and a 300,000-cell
   workbook, each saved (snapshot at the click, parts, zip) and opened again (guards, read, put in
   the engine), with the longest time the event loop was held; a zip bomb refused. Answers: the
   re-opened workbook holds the same cells, the bomb is refused with its limit named. Node runs
   fflate's compression in this thread (zipSync), the page in its workers. */
import { createEmbeddedWorkbook, type EmbeddedWorkbook } from "../../src/workbook/embeddedPort";
import { openBook } from "../../src/playground/open/openBook";
import { openDemo } from "../../src/playground/demo/demoWorkbook";
import { xlsxBytes } from "../../src/playground/export/saveXlsx";
import { takeSnapshot } from "../../src/playground/export/snapshot";
import { readXlsxBook } from "../../src/playground/open/readXlsx";
import { hostileCorpus } from "../support/hostileXlsx";
import { loadPbrFunctions } from "../support/pbrFunctions";
import type { Bench } from "./harness";

let demo: Promise<EmbeddedWorkbook> | undefined;
function demoBook(): Promise<EmbeddedWorkbook> {
  demo ??= loadPbrFunctions().then(async (functions) => {
    const { port } = createEmbeddedWorkbook({ functions });
    await openDemo(port, () => undefined);
    return port;
  });
  return demo;
}

const BIG_ROWS = 30_000;
const BIG_COLS = 10;
let big: Promise<EmbeddedWorkbook> | undefined;
function bigBook(): Promise<EmbeddedWorkbook> {
  big ??= (async () => {
    const { port } = createEmbeddedWorkbook();
    const rows = Array.from({ length: BIG_ROWS }, (_r, i) =>
      Array.from({ length: BIG_COLS }, (_c, j) => (j % 2 ? `T${i}-${j}` : i * 10 + j))
    );
    await port.writeRange("Sheet1", `A1:J${BIG_ROWS}`, rows);
    return port;
  })();
  return big;
}

interface Round {
  saveMs: number;
  openMs: number;
  bytes: number;
  same: boolean;
  cells: number;
}

async function roundTrip(wb: EmbeddedWorkbook): Promise<Round> {
  const t0 = performance.now();
  const bytes = xlsxBytes(takeSnapshot(wb));
  const t1 = performance.now();
  const { port } = createEmbeddedWorkbook({ functions: await loadPbrFunctions() });
  const t2 = performance.now();
  openBook(port, readXlsxBook(bytes, port.functionIds).book);
  const t3 = performance.now();
  let same = true;
  let cells = 0;
  for (const sheet of wb.engine.getSheetNames()) {
    const { rows, cols } = wb.dimensions(sheet);
    for (let r = 0; r < rows && same; r++)
      for (let c = 0; c < cols; c++) {
        const a = wb.getContent(sheet, r, c);
        if (a === null) continue;
        cells++;
        if (a !== port.getContent(sheet, r, c)) {
          same = false;
          break;
        }
      }
  }
  return { saveMs: t1 - t0, openMs: t3 - t2, bytes: bytes.length, same, cells };
}

const fmt = (n: number) => Math.round(n).toLocaleString("en-GB");

function roundBench(name: string, book: () => Promise<EmbeddedWorkbook>, cells: number): Bench {
  return {
    name,
    run: async () => roundTrip(await book()),
    check: (o) => ((o as Round).same ? undefined : "a re-opened cell differs from the saved one"),
    items: cells,
    unit: "cells",
    target: { kind: "time", maxMs: 1_000 },
    runs: 2,
    // The figure: the longer of save and open, each one task in this thread.
    measure: (o) => Math.max((o as Round).saveMs, (o as Round).openMs),
    detail: (o) => {
      const r = o as Round;
      return `save ${fmt(r.saveMs)} ms, open ${fmt(r.openMs)} ms, ${fmt(r.bytes / 1024)} KB, ${fmt(r.cells)} cells compared`;
    },
  };
}

export const benches: Bench[] = [
  roundBench("Files: save and re-open the demo workbook (.xlsx), longest task", demoBook, 60_000),
  roundBench(
    `Files: save and re-open ${fmt(BIG_ROWS * BIG_COLS)} cells (.xlsx), longest task`,
    bigBook,
    BIG_ROWS * BIG_COLS
  ),
  {
    name: "Files: refuse a zip bomb (1 GB declared) before inflating",
    run: () => {
      const bomb = hostileCorpus().find((f) => f.name.startsWith("zip bomb"))!;
      const t = performance.now();
      try {
        readXlsxBook(bomb.bytes);
        return { refused: "", ms: performance.now() - t };
      } catch (e) {
        return { refused: (e as Error).message, ms: performance.now() - t };
      }
    },
    check: (o) =>
      /more than the 300 MB/.test((o as { refused: string }).refused)
        ? undefined
        : "the bomb was not refused",
    items: 1,
    unit: "files",
    target: { kind: "time", maxMs: 100 },
    runs: 2,
    measure: (o) => (o as { ms: number }).ms,
  },
];
