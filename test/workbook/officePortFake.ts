/**
 * A small Excel workbook model behind office-addin-mock's OfficeMockObject, for testing the
 * Office.js adapter: every object the adapter touches is an OfficeMockObject, so reading a
 * property that was not loaded and synced fails exactly as it would in Excel. Each
 * `context.sync()` that carries writes is recorded as one request (what was written, where, how
 * many rows), so tests can check chunk sizes and the order of calls.
 */
import { OfficeMockObject } from "office-addin-mock";
import { parseCell, parseRange, rangeAddress } from "../../src/workbook/address";

export type Cell = string | number | boolean;

export interface FakeWrite {
  kind: "values" | "formulas" | "numberFormat" | "clear";
  sheet: string;
  address: string;
  rows: number;
  data: unknown;
}

export interface FakeTable {
  name: string;
  sheet: string;
  address: string;
}

export interface FakeChart {
  sheet: string;
  type: string;
  source: string;
  seriesBy: string;
  categories?: string;
  title?: string;
  anchor?: string;
  /** Each series' fill (bars) or line colour, and a bar's outline, as set. */
  series?: { fill?: string; line?: string }[];
  /** The value axis number format, when set. */
  valueFormat?: string;
  /** "Bottom" when the legend is shown there. */
  legend?: string;
}

interface Tracked {
  mock: OfficeMockObject;
  watch: string[];
  seen: Record<string, unknown>;
  onWrite: (prop: string, value: unknown) => void;
}

/** Translate "items/name,items/formula" (collection item loads) into the mock's "items". */
function collectionLoad(this: OfficeMockObject, props?: string) {
  const wanted = String(props ?? "items")
    .split(",")
    .map((p) => p.trim().split("/")[0]);
  OfficeMockObject.prototype.load.call(this, [...new Set(wanted)]);
  return this;
}

export class FakeExcel {
  readonly sheets: { name: string; cells: Map<string, Cell> }[] = [];
  readonly tables: FakeTable[] = [];
  readonly names: { name: string; formula: string }[] = [];
  /** Names scoped to one sheet (Worksheet.names). */
  readonly sheetNames: { sheet: string; name: string }[] = [];
  readonly charts: FakeChart[] = [];
  readonly formats: { sheet: string; address: string; format: unknown }[] = [];
  /** One entry per sync that carried writes. */
  readonly requests: FakeWrite[][] = [];
  readonly log: string[] = [];
  selection = { sheet: "Sheet1", address: "A1" };
  /** Refuse, as too large, any write of more rows than this (RequestPayloadSizeLimitExceeded). */
  payloadLimitRows: number | undefined;
  /** Refuse, as too large, any read of more rows than this (ResponsePayloadSizeLimitExceeded). */
  readLimitRows: number | undefined;
  /** Rows of every read of values, in order. */
  readonly reads: number[] = [];
  /** Fail the sync that would send this write request (1-based count of write requests). */
  failOnRequest: number | undefined;
  runs = 0;
  /** The options of every Excel.run, in order (delayForCellEdit, mergeUndoGroup). */
  readonly runOptions: Excel.RunOptions[] = [];
  /**
   * Excel's undo list as Microsoft documents it: one record per sync that carried writes, or one
   * per Excel.run with mergeUndoGroup; an API without undo (Worksheet.delete) clears it, and inside
   * a merged group throws UndoNotSupported instead.
   * https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-undo-capabilities
   */
  undoRecords = 0;

  constructor(sheetNames: string[] = ["Sheet1"]) {
    for (const name of sheetNames) this.sheets.push({ name, cells: new Map() });
  }

  sheet(name: string) {
    const s = this.sheets.find((x) => x.name.toLowerCase() === name.toLowerCase());
    if (!s) throw Object.assign(new Error(`ItemNotFound: worksheet ${name}`), { code: "ItemNotFound" });
    return s;
  }

  get(sheet: string, address: string): Cell | undefined {
    const { row, col } = parseCell(address);
    return this.sheet(sheet).cells.get(`${row},${col}`);
  }

  grid(sheet: string, address: string): (Cell | "")[][] {
    const r = parseRange(address);
    const s = this.sheet(sheet);
    const out: (Cell | "")[][] = [];
    for (let row = r.top; row <= r.bottom; row++) {
      const line: (Cell | "")[] = [];
      for (let col = r.left; col <= r.right; col++) line.push(s.cells.get(`${row},${col}`) ?? "");
      out.push(line);
    }
    return out;
  }

  /** Row counts of every "values"/"formulas" write, in order (the chunks). */
  get writeRows(): number[] {
    return this.requests.flat().filter((w) => w.kind === "values" || w.kind === "formulas").map((w) => w.rows);
  }

  /**
   * What a cell holding `stored` (as written) reads back as, through `values` and `formulas`.
   * Here formulas read as 0 and everything else as written; test/support/excelBehaviour.ts
   * applies Excel's parsing instead.
   */
  protected shown(_sheet: string, _row: number, _col: number, stored: Cell | ""): { value: Cell | ""; formula: Cell | "" } {
    return { value: typeof stored === "string" && stored.startsWith("=") ? 0 : stored, formula: stored };
  }

  protected put(sheet: string, address: string, data: unknown) {
    const r = parseRange(address);
    const s = this.sheet(sheet);
    const rows = data as Cell[][];
    for (let i = 0; i <= r.bottom - r.top; i++) {
      for (let j = 0; j <= r.right - r.left; j++) {
        const v = rows[i]?.[j] ?? "";
        if (v === "") s.cells.delete(`${r.top + i},${r.left + j}`);
        else s.cells.set(`${r.top + i},${r.left + j}`, v);
      }
    }
  }

  /** The `Excel` global: `Excel.run(batch)` gives the batch a fresh mocked request context. */
  api(): typeof Excel {
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const fake = this;
    type Batch = (context: unknown) => Promise<unknown>;
    return {
      run: (a: Excel.RunOptions | Batch, b?: Batch) => (typeof a === "function" ? fake.run(a, {}) : fake.run(b!, a)),
    } as unknown as typeof Excel;
  }

  private async run(batch: (context: unknown) => Promise<unknown>, options: Excel.RunOptions): Promise<unknown> {
    this.runs++;
    this.runOptions.push(options);
    const merged = options.mergeUndoGroup === true;
    let mergedRecord = false;
    const tracked: Tracked[] = [];
    const pendingDeletes: (() => void)[] = [];
    const pendingAdds: (() => void)[] = [];
    const fake = this;

    const track = (mock: OfficeMockObject, watch: string[], onWrite: Tracked["onWrite"]) => {
      const seen: Record<string, unknown> = {};
      for (const p of watch) seen[p] = (mock as Record<string, unknown>)[p];
      tracked.push({ mock, watch, seen, onWrite });
      return mock;
    };

    let pending: FakeWrite[] = [];
    let tooLarge: string | null = null;
    let multiArea = false;
    const addressOf = new WeakMap<object, string>();
    /** Every mock handed out during the run is synced by context.sync(), like Excel's proxies. */
    const mk = (objectData: Record<string, unknown>) => {
      const mock = new OfficeMockObject(objectData);
      tracked.push({ mock, watch: [], seen: {}, onWrite: () => undefined });
      return mock;
    };

    const rangeMock = (sheetName: string, address: string) => {
      const s = fake.sheet(sheetName);
      const grid = fake.grid(s.name, address);
      const { top, left } = parseRange(address);
      const shown = grid.map((row, i) => row.map((v, j) => fake.shown(s.name, top + i, left + j, v)));
      const mock = new OfficeMockObject({
        address: `${s.name}!${address}`,
        values: shown.map((row) => row.map((c) => c.value)),
        formulas: shown.map((row) => row.map((c) => c.formula)),
        numberFormat: grid.map((row) => row.map(() => "General")),
        worksheet: { name: s.name },
        load(props?: string | string[]) {
          if (String(props).includes("values")) {
            const rows = parseRange(address).bottom - parseRange(address).top + 1;
            fake.reads.push(rows);
            if (fake.readLimitRows !== undefined && rows > fake.readLimitRows) tooLarge = "ResponsePayloadSizeLimitExceeded";
          }
          return OfficeMockObject.prototype.load.call(this as unknown as OfficeMockObject, props as string);
        },
        clear() {
          const rows = parseRange(address).bottom - parseRange(address).top + 1;
          pending.push({ kind: "clear", sheet: s.name, address, rows, data: [] });
        },
        select() {
          fake.log.push(`select ${s.name}!${address}`);
          fake.selection = { sheet: s.name, address };
        },
      });
      addressOf.set(mock, `${s.name}!${address}`);
      return track(mock, ["values", "formulas", "numberFormat"], (prop, value) => {
        const rows = parseRange(address).bottom - parseRange(address).top + 1;
        pending.push({ kind: prop as FakeWrite["kind"], sheet: s.name, address, rows, data: value });
      });
    };

    /** Plain data for a table collection (nested into a mock by the mock itself). */
    const tablesData = (sheetName?: string) =>
      ({
        items: fake.tables.filter((t) => !sheetName || t.sheet === sheetName).map((t) => ({ name: t.name })),
        load: collectionLoad,
        getItem(name: string) {
          const t = fake.tables.find((x) => x.name.toLowerCase() === name.toLowerCase());
          if (!t) throw Object.assign(new Error(`ItemNotFound: table ${name}`), { code: "ItemNotFound" });
          return mk({
            worksheet: { name: t.sheet },
            getRange: () => rangeMock(t.sheet, t.address),
            getHeaderRowRange: () => {
              const r = parseRange(t.address);
              return rangeMock(t.sheet, rangeAddress(r.top, r.left, 1, r.right - r.left + 1));
            },
          });
        },
        add(address: string, hasHeaders: boolean) {
          const entry: FakeTable = { name: `Table${fake.tables.length + 1}`, sheet: sheetName!, address };
          fake.log.push(`tables.add ${sheetName}!${address} ${hasHeaders}`);
          const mock = new OfficeMockObject({ name: entry.name });
          pendingAdds.push(() => fake.tables.push(entry));
          return track(mock, ["name"], (_p, value) => {
            fake.log.push(`table.name ${value}`);
            entry.name = String(value);
          });
        },
      });

    const worksheetMock = (name: string) => {
      const s = fake.sheet(name);
      return mk({
        name: s.name,
        getRange: (address: string) => rangeMock(s.name, address),
        getUsedRange() {
          let bottom = 0;
          let right = 0;
          for (const key of s.cells.keys()) {
            const [r, c] = key.split(",").map(Number);
            bottom = Math.max(bottom, r);
            right = Math.max(right, c);
          }
          return rangeMock(s.name, rangeAddress(0, 0, bottom + 1, right + 1));
        },
        delete() {
          if (merged)
            throw Object.assign(new Error("UndoNotSupported: Worksheet.delete cannot be grouped"), { code: "UndoNotSupported" });
          fake.log.push(`worksheet.delete ${s.name}`);
          fake.undoRecords = 0; // an API without undo clears the user's undo list
          pendingDeletes.push(() => {
            fake.sheets.splice(fake.sheets.indexOf(s), 1);
            for (let i = fake.tables.length - 1; i >= 0; i--) if (fake.tables[i].sheet === s.name) fake.tables.splice(i, 1);
          });
        },
        activate() {
          fake.log.push(`activate ${s.name}`);
        },
        // Worksheet.freezePanes: what was frozen, as a log line.
        freezePanes: {
          freezeAt(range: string) {
            fake.log.push(`freezeAt ${s.name}!${range}`);
          },
          freezeRows(count: number) {
            fake.log.push(`freezeRows ${s.name} ${count}`);
          },
          freezeColumns(count: number) {
            fake.log.push(`freezeColumns ${s.name} ${count}`);
          },
          unfreeze() {
            fake.log.push(`unfreeze ${s.name}`);
          },
        },
        tables: tablesData(s.name),
        charts: {
          add(type: string, source: OfficeMockObject, seriesBy: string) {
            const chart: FakeChart = {
              sheet: s.name,
              type,
              source: addressOf.get(source) ?? "?",
              seriesBy,
            };
            fake.log.push(`charts.add ${s.name} ${type}`);
            const series: { fill?: string; mock: OfficeMockObject }[] = [];
            const chartMock = mk({
              title: { text: "" },
              axes: {
                categoryAxis: {
                  setCategoryNames(range: OfficeMockObject) {
                    chart.categories = addressOf.get(range) ?? "?";
                  },
                },
                valueAxis: { numberFormat: "General" },
              },
              legend: { visible: false, position: "Right" },
              series: {
                getItemAt(k: number) {
                  const entry: { fill?: string; mock: OfficeMockObject } = { mock: undefined as unknown as OfficeMockObject };
                  entry.mock = mk({
                    format: {
                      fill: {
                        setSolidColor(colour: string) {
                          entry.fill = colour;
                        },
                      },
                      line: { color: "", weight: 0 },
                    },
                  });
                  series[k] = entry;
                  return entry.mock;
                },
              },
              setPosition(anchor: string) {
                chart.anchor = anchor;
              },
              width: 0,
              height: 0,
            });
            pendingAdds.push(() => {
              const set = chartMock as unknown as {
                title: { text: unknown };
                axes: { valueAxis: { numberFormat: string } };
                legend: { visible: boolean; position: string };
              };
              chart.title = String(set.title.text);
              if (series.length > 0)
                chart.series = series.map((e) => {
                  const line = (e.mock as unknown as { format: { line: { color: string } } }).format.line.color;
                  return { ...(e.fill ? { fill: e.fill } : {}), ...(line && !line.startsWith("Error,") ? { line } : {}) };
                });
              // The mock reads a property nobody set (or loaded) as "Error, property was not loaded".
              const wasSet = (v: unknown) => v !== undefined && !(typeof v === "string" && v.startsWith("Error,"));
              const format = set.axes.valueAxis.numberFormat;
              if (wasSet(format) && format !== "General") chart.valueFormat = format;
              if (set.legend.visible === true && wasSet(set.legend.position)) chart.legend = set.legend.position;
              fake.charts.push(chart);
            });
            return chartMock;
          },
        },
      });
    };

    const data = {
      workbook: {
        worksheets: {
          items: fake.sheets.map((s) => ({
            name: s.name,
            names: mk({
              items: fake.sheetNames.filter((n) => n.sheet === s.name).map((n) => ({ name: n.name })),
              load: collectionLoad,
            }),
          })),
          load: collectionLoad,
          getItem: (name: string) => worksheetMock(name),
          add(name: string) {
            if (fake.sheets.some((s) => s.name.toLowerCase() === name.toLowerCase())) {
              throw Object.assign(new Error(`ItemAlreadyExists: ${name}`), { code: "ItemAlreadyExists" });
            }
            fake.log.push(`worksheets.add ${name}`);
            pendingAdds.push(() => fake.sheets.push({ name, cells: new Map() }));
            return mk({ name });
          },
        },
        tables: tablesData(),
        names: {
          items: fake.names.map((n) => ({
            name: n.name,
            formula: n.formula,
            delete() {
              fake.log.push(`name.delete ${n.name}`);
              pendingDeletes.push(() => fake.names.splice(fake.names.indexOf(n), 1));
            },
          })),
          load: collectionLoad,
          add(name: string, reference: string) {
            if (fake.names.some((n) => n.name.toLowerCase() === name.toLowerCase()) || fake.tables.some((t) => t.name.toLowerCase() === name.toLowerCase())) {
              throw Object.assign(new Error(`ItemAlreadyExists: ${name}`), { code: "ItemAlreadyExists" });
            }
            fake.log.push(`names.add ${name} ${reference}`);
            pendingAdds.push(() => fake.names.push({ name, formula: reference }));
          },
        },
        // Excel: getSelectedRange throws when several areas are selected ("A1:B2,D4").
        getSelectedRange: () => {
          if (fake.selection.address.includes(",")) {
            const mock = new OfficeMockObject({ address: "", worksheet: { name: "" } });
            (mock as unknown as { load: () => void }).load = () => {
              multiArea = true;
            };
            return mock;
          }
          return rangeMock(fake.selection.sheet, fake.selection.address);
        },
      },
      application: {
        suspendApiCalculationUntilNextSync() {
          fake.log.push("suspendApiCalculationUntilNextSync");
        },
        calculate(type: string) {
          fake.log.push(`calculate ${type}`);
        },
      },
      sync: async () => {
        if (multiArea) {
          multiArea = false;
          throw Object.assign(new Error("This operation is not allowed on multiple selections."), { code: "InvalidSelection" });
        }
        for (const t of tracked) {
          for (const p of t.watch) {
            const now = (t.mock as Record<string, unknown>)[p];
            // load() turns a property into the mock's "not synced" marker: that is a read, not a write.
            if (now !== t.seen[p] && !(typeof now === "string" && now.startsWith("Error, "))) t.onWrite(p, now);
          }
        }
        const limit = fake.payloadLimitRows;
        if (limit !== undefined && pending.some((w) => (w.kind === "values" || w.kind === "formulas") && w.rows > limit)) tooLarge = "RequestPayloadSizeLimitExceeded";
        if (tooLarge) {
          // Excel drops the whole batch; the objects stay usable for the next one.
          const code = tooLarge;
          tooLarge = null;
          pending = [];
          for (const t of tracked) for (const p of t.watch) t.seen[p] = (t.mock as Record<string, unknown>)[p];
          throw Object.assign(new Error(`${code}: the payload is too large`), { code });
        }
        const carries = pending.length > 0 || pendingAdds.length > 0;
        if (pending.length > 0) {
          const request = pending;
          pending = [];
          if (fake.failOnRequest !== undefined && fake.requests.length + 1 >= fake.failOnRequest) {
            pendingAdds.length = 0;
            throw Object.assign(new Error("GeneralException: simulated failure"), { code: "GeneralException" });
          }
          for (const w of request) {
            if (w.kind === "numberFormat") fake.formats.push({ sheet: w.sheet, address: w.address, format: w.data });
            else if (w.kind === "clear") fake.put(w.sheet, w.address, []);
            else fake.put(w.sheet, w.address, w.data);
          }
          fake.requests.push(request);
        }
        for (const apply of pendingAdds.splice(0)) apply();
        for (const apply of pendingDeletes.splice(0)) apply();
        if (carries && (!merged || !mergedRecord)) {
          fake.undoRecords++;
          mergedRecord = merged;
        }
        // Resolve loads on the context tree and on every object handed out during this run.
        await OfficeMockObject.prototype.sync.call(context);
        for (const t of tracked) {
          await OfficeMockObject.prototype.sync.call(t.mock);
          for (const p of t.watch) t.seen[p] = (t.mock as Record<string, unknown>)[p];
        }
        // The mock resolves nested loads in unawaited promises: let them settle.
        await new Promise((resolve) => setTimeout(resolve, 0));
      },
    };
    const context = new OfficeMockObject(data);
    return batch(context);
  }
}
