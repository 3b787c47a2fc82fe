/**
 * One HyperFormula function plugin that registers every PBR.* function, built from the same
 * description as functions.json (see registry.ts) and calling the Excel adapter's own functions
 * (src/functions/*.ts): no second implementation. Each call turns HyperFormula values into what
 * Excel would pass (ranges as rows of cells, null for an omitted argument), runs the function,
 * and hands its rows of cells back as a spilled array. PbrError values become HyperFormula
 * errors carrying the message (the error factory set in core/hostErrors.ts).
 *
 * Spilled results: HyperFormula reserves an array's size when the formula is entered, before any
 * value is known (sizeOfResultArrayMethod). We guess from the arguments (as many rows as the
 * tallest range, one column), and the SizeBook remembers the real size of each formula's result;
 * when it differs, the workbook re-enters that formula so the reservation fits (settle()).
 */
import {
  ArraySize,
  CellError,
  EmptyValue,
  ErrorType,
  FunctionArgumentType,
  FunctionPlugin,
  HyperFormula,
  SimpleRangeValue,
} from "hyperformula";
import { setErrorFactory } from "../../core/hostErrors";
import { checkGroups } from "../../core/clusters/checkCounts";
import type { PbrError } from "../../core/errors";
import { argumentCountProblem, qualifiedName, type PbrFunctionEntry } from "./registry";
import { sizeBookFor, type SizeBook } from "./sizeBook";

const ERROR_TYPE: Record<PbrError["kind"], ErrorType> = {
  "#VALUE!": ErrorType.VALUE,
  "#N/A": ErrorType.NA,
  "#NUM!": ErrorType.NUM,
  "#DIV/0!": ErrorType.DIV_BY_ZERO,
};

/** PbrError → HyperFormula error with the same kind and message. */
export const hyperFormulaErrorFactory = (error: PbrError) =>
  new CellError(ERROR_TYPE[error.kind], error.message);

/**
 * The shape of a result where it is fixed by the function, not by its data: how many columns,
 * whether it is one row whatever the arguments' length, and whether a header row comes first.
 * HyperFormula reserves a spilled result's cells before the function runs; a wrong guess costs a
 * second evaluation, and for a one-cell answer over a long column (PBR.RASCALIBRATE over 100,000
 * people) a reservation as tall as the column, which took HyperFormula seconds to make and undo.
 * A grouped result (one row per group and an All row, PBR.CHECKCOUNTS) is reserved as many rows as
 * the groups argument's cells hold groups (read when the formula is entered), not the column's
 * 100,000: re-entering a formula over a 100,000-row range costs HyperFormula seconds.
 * test/workbook/resultShapes.test.ts checks each entry against the function's real answer.
 */
export const RESULT_SHAPES: Readonly<
  Record<string, { width?: number; oneRow?: boolean; headerRow?: boolean; groupsArg?: string }>
> = {
  "PBR.CHECKCOUNTS": { width: 10, groupsArg: "groups" },
  "PBR.CLUSTERSUPERCLASS": { width: 2 },
  "PBR.REBASE": { width: 2 },
  "PBR.SETTLEMENT": { width: 4 },
  "PBR.SCENARIOS": { width: 5, headerRow: true },
  "PBR.VARIANCE": { width: 3, oneRow: true },
  "PBR.RASCALIBRATE": { oneRow: true },
  "PBR.RASBUILDUP": { width: 4 },
  "PBR.MHNRGWHY": { width: 4 },
};

type HfScalar = unknown;

/** A HyperFormula cell value as Excel would hand it to a custom function. */
function toExcelScalar(v: HfScalar): unknown {
  if (v === EmptyValue || v === undefined) return "";
  if (v !== null && typeof v === "object" && "val" in (v as object))
    return (v as { val: unknown }).val; // dates, currency…
  return v;
}

class ArgumentError {
  constructor(readonly error: CellError) {}
}

const EXCEL_ERROR_CODE: Partial<Record<ErrorType, string>> = {
  [ErrorType.DIV_BY_ZERO]: "#DIV/0!",
  [ErrorType.NAME]: "#NAME?",
  [ErrorType.VALUE]: "#VALUE!",
  [ErrorType.NUM]: "#NUM!",
  [ErrorType.NA]: "#N/A",
  [ErrorType.REF]: "#REF!",
  [ErrorType.SPILL]: "#SPILL!",
  [ErrorType.CYCLE]: "#CYCLE!",
};

/**
 * An error cell as Excel hands it to a custom function when functions.json sets
 * allowErrorForDataTypeAny (as ours does): an error object with the code, so the function can
 * answer that row with its error and the other rows as usual (core/errors.ts inputErrorCode).
 */
function toExcelError(error: CellError): { code: string; message: string } {
  return { code: EXCEL_ERROR_CODE[error.type] ?? "#VALUE!", message: error.message ?? "" };
}

function toExcelMatrix(range: SimpleRangeValue): unknown[][] {
  const data = range.data as HfScalar[][];
  // Plain numbers, text and booleans are what Excel hands over too: the engine's own rows are
  // passed as they are (functions never change their arguments), saving an array per row.
  if (plainValues(data)) return data as unknown[][];
  const out = new Array<unknown[]>(data.length);
  for (let r = 0; r < data.length; r++) {
    const row = data[r];
    const line = new Array<unknown>(row.length);
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      line[c] = v instanceof CellError ? toExcelError(v) : toExcelScalar(v);
    }
    out[r] = line;
  }
  return out;
}

/** Whether every cell is a number, text or boolean (nothing to convert). */
function plainValues(data: readonly (readonly HfScalar[])[]): boolean {
  for (let r = 0; r < data.length; r++) {
    const row = data[r];
    for (let c = 0; c < row.length; c++) {
      const t = typeof row[c];
      if (t !== "number" && t !== "string" && t !== "boolean") return false;
    }
  }
  return true;
}

/** One argument, shaped like Excel shapes it for the parameter's declared dimensionality. */
function toExcelArgument(value: unknown, matrix: boolean, name: string): unknown {
  if (value === undefined || value === EmptyValue) return matrix ? null : null; // omitted, or an empty argument
  if (value instanceof CellError) return matrix ? [[toExcelError(value)]] : toExcelError(value);
  if (value instanceof SimpleRangeValue) {
    if (matrix) return toExcelMatrix(value);
    if (value.width() === 1 && value.height() === 1) return toExcelMatrix(value)[0][0];
    throw new ArgumentError(new CellError(ErrorType.VALUE, `${name} takes one value, not a range`));
  }
  const v = toExcelScalar(value);
  return matrix ? [[v]] : v;
}

/** A result cell as HyperFormula stores it. */
function toHfScalar(v: unknown): unknown {
  if (v instanceof CellError) return v;
  if (typeof v === "number")
    return Number.isFinite(v) ? v : new CellError(ErrorType.NUM, "not a finite number");
  if (typeof v === "string" || typeof v === "boolean") return v;
  if (v === null || v === undefined) return "";
  if (v instanceof Error) return new CellError(ErrorType.VALUE, v.message);
  return new CellError(ErrorType.VALUE, `unexpected result ${String(v)}`);
}

interface Reserved {
  width: number;
  height: number;
}

/** The root call of the formula being evaluated, and the size reserved for its result. */
function reservedFor(plugin: any, ast: any, state: any): Reserved | undefined {
  const vertex = plugin.dependencyGraph.getCell(state.formulaAddress);
  if (!vertex || !("formula" in vertex)) return undefined;
  let root = vertex.formula;
  while (root && root.type === "PARENTHESIS") root = root.expression;
  if (root !== ast) return undefined; // nested inside another function: no reservation of its own
  if ("array" in vertex && vertex.array?.size)
    return { width: vertex.array.size.width, height: vertex.array.size.height };
  return { width: 1, height: 1 };
}

function rowsOf(result: unknown): unknown[][] {
  if (Array.isArray(result) && result.length > 0 && Array.isArray(result[0]))
    return result as unknown[][];
  return [[result]];
}

/** Parameters that take a lookup table (profile, prices, steps, bands), left out of the size guess. */
const LOOKUP_TABLES = new Set(["profile", "prices", "steps", "bands", "underBands"]);

/** Build the plugin class for a list of functions (HyperFormula wants a class per plugin). */
export function createPbrPlugin(entries: readonly PbrFunctionEntry[]): {
  plugin: typeof FunctionPlugin;
  translations: Record<string, Record<string, string>>;
} {
  const implemented: Record<string, any> = {};
  const names: Record<string, string> = {};
  const byName = new Map<string, PbrFunctionEntry>();

  class PbrFunctionsPlugin extends FunctionPlugin {
    static override implementedFunctions = implemented;

    /** Guess: as many rows as the tallest range argument (other than lookup tables)… */
    pbrArraySize(ast: any, state: any): ArraySize {
      const book = sizeBookFor(this.dependencyGraph);
      const learned = book.learned(state.formulaAddress, ast.procedureName);
      if (learned) return new ArraySize(learned.width, learned.height);
      let height = 1;
      const parameters = byName.get(ast.procedureName)?.parameters ?? [];
      for (const [i, arg] of (ast.args ?? []).entries()) {
        // A lookup table's height says nothing about the result's (one CLUSTERCHECK per row
        // against a 361-row profile is one cell, not 361).
        if (LOOKUP_TABLES.has(parameters[i]?.name ?? "")) continue;
        const size = this.arraySizeForAst(arg, state);
        if (size && Number.isFinite(size.height) && !(size.width === 1 && size.height === 1)) {
          height = Math.max(height, size.height);
        }
      }
      // …and one column, as most PBR functions return one answer per row, unless the function's
      // result shape is known (RESULT_SHAPES).
      const shape = RESULT_SHAPES[ast.procedureName];
      if (shape?.oneRow) height = 1;
      else if (shape?.groupsArg) {
        const i = parameters.findIndex((p) => p.name === shape.groupsArg);
        height = this.groupRows(ast.args?.[i], state) ?? 1;
      } else if (shape?.headerRow && height > 1) height += 1;
      if (height > 1 && state.formulaAddress)
        book.noteGuess(state.formulaAddress, ast.procedureName);
      return new ArraySize(shape?.width ?? 1, height);
    }

    /**
     * How many rows a grouped result takes: its groups (as core counts them) and the All row, read
     * from the cells of a range argument; undefined when they cannot be read yet (a formula not yet
     * calculated), so the guess is one row and the real size is learned on the first run.
     */
    groupRows(arg: any, state: any): number | undefined {
      if (arg === undefined || arg.type === "EMPTY") return 1;
      if (arg.type !== "CELL_RANGE" || !state.formulaAddress) return undefined;
      const start = arg.start.toSimpleCellAddress(state.formulaAddress);
      const end = arg.end.toSimpleCellAddress(state.formulaAddress);
      if (start.sheet !== end.sheet || start.col !== end.col) return undefined;
      const values: unknown[] = [];
      try {
        for (let row = start.row; row <= end.row; row++) {
          const v = this.dependencyGraph.getCellValue({ sheet: start.sheet, row, col: start.col });
          if (v instanceof SimpleRangeValue) return undefined;
          values.push(toExcelScalar(v));
        }
      } catch {
        return undefined;
      }
      return checkGroups(values).length + 1;
    }

    pbrCall(ast: any, state: any): any {
      const entry = byName.get(ast.procedureName);
      if (!entry) return new CellError(ErrorType.NAME, `${ast.procedureName} is not registered`);
      // Said here, naming the arguments: the engine's own check says only "Wrong number of arguments."
      const countProblem = argumentCountProblem(entry.id, entry.parameters, ast.args?.length ?? 0);
      if (countProblem) return new CellError(ErrorType.NA, countProblem);
      return this.runFunction(
        ast.args,
        state,
        this.metadata(ast.procedureName),
        (...args: unknown[]): any => {
          let excelArgs: unknown[];
          try {
            excelArgs = entry.parameters.map((p, i) =>
              toExcelArgument(args[i], p.dimensionality === "matrix", p.name)
            );
          } catch (e) {
            if (e instanceof ArgumentError) return e.error;
            throw e;
          }
          let rows: unknown[][];
          try {
            rows = rowsOf(entry.fn(...excelArgs));
          } catch (e) {
            // the adapters guard against this; never let an exception into the engine
            return new CellError(
              ErrorType.VALUE,
              `unexpected problem: ${e instanceof Error ? e.message : String(e)}`
            );
          }
          return this.shapeResult(rows, ast, state, sizeBookFor(this.dependencyGraph));
        }
      );
    }

    /** Fit the result into the cells reserved for it, and note its real size when they differ. */
    private shapeResult(rows: unknown[][], ast: any, state: any, book: SizeBook): any {
      const height = rows.length;
      const width = rows.reduce((w, r) => Math.max(w, r.length), 1);
      const reserved = reservedFor(this, ast, state);
      if (reserved && (reserved.width !== width || reserved.height !== height)) {
        book.noteSize(state.formulaAddress, ast.procedureName, { width, height });
      }
      const h = reserved ? Math.min(height, reserved.height) : height;
      const w = reserved ? Math.min(width, reserved.width) : width;
      if (h === 1 && w === 1 && (!reserved || (reserved.width === 1 && reserved.height === 1))) {
        return toHfScalar(rows[0]?.[0]);
      }
      // The function's rows are its own fresh arrays: when they fit the reservation exactly they
      // are converted in place (a 100,000 × 4 budget build-up is 100,000 arrays not made again).
      const fits = h === height && rows.every((row) => row.length === w);
      const out: unknown[][] = fits ? rows : new Array<unknown[]>(h);
      for (let r = 0; r < h; r++) {
        const from = rows[r];
        const line = fits ? from : new Array<unknown>(w);
        for (let c = 0; c < w; c++) line[c] = toHfScalar(from[c]);
        out[r] = line;
      }
      return SimpleRangeValue.onlyValues(out as any);
    }
  }

  for (const entry of entries) {
    const name = qualifiedName(entry.id);
    byName.set(name, entry);
    names[name] = name;
    implemented[name] = {
      method: "pbrCall",
      sizeOfResultArrayMethod: "pbrArraySize",
      vectorizationForbidden: true,
      parameters: entry.parameters.map((p) => ({
        argumentType: FunctionArgumentType.ANY,
        optionalArg: p.optional,
      })),
    };
  }
  const translations: Record<string, Record<string, string>> = {};
  for (const code of HyperFormula.getRegisteredLanguagesCodes()) translations[code] = names;
  return { plugin: PbrFunctionsPlugin as unknown as typeof FunctionPlugin, translations };
}

let registered: { entries: readonly PbrFunctionEntry[]; plugin: typeof FunctionPlugin } | undefined;

/**
 * Register the PBR.* functions with HyperFormula (global, as HyperFormula's registry is) and make
 * PbrError values come out as HyperFormula errors. Registering the same list again does nothing.
 */
export function registerPbrFunctions(entries: readonly PbrFunctionEntry[]): void {
  setErrorFactory(hyperFormulaErrorFactory);
  if (registered?.entries === entries) return;
  if (registered) HyperFormula.unregisterFunctionPlugin(registered.plugin as any);
  const { plugin, translations } = createPbrPlugin(entries);
  HyperFormula.registerFunctionPlugin(plugin as any, translations);
  registered = { entries, plugin };
}
