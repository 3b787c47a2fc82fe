/**
 * The embedded workbook's tables and workbook names, and the engine names that stand for them.
 *
 * Excel has tables natively; HyperFormula does not. A table here is metadata (name, sheet,
 * address) plus, when a formula uses the table's bare name, a named expression with that name over
 * the table's data body, as in Excel. Structured references (Table[Column]) are rewritten to ranges
 * before the engine sees them (structuredRefs.ts), so only the bare name needs an engine name.
 * Workbook names added through the port (`addName`) are engine names too, recorded here with the
 * range they cover.
 */
import type { HyperFormula } from "hyperformula";
import { parseRange, qualified, rangeAddress } from "../address";
import type { BookName } from "./bookContent";
import type { BookState } from "./paneStep";

export interface EmbeddedTable {
  name: string;
  sheet: string;
  /** Whole table including the header row, e.g. "A3:Y2003". */
  address: string;
}

/** A character that can be part of a name (or make the text before it a sheet name: '…'). */
const NAME_CHAR = /[\w.'\\]/;

const absolute = (address: string) =>
  address.replace(/\$/g, "").replace(/([A-Z]+)(\d+)/g, "$$$1$$$2");

export class TableNames {
  readonly tables: EmbeddedTable[] = [];
  /** Workbook names added with addName: name → sheet and address. */
  readonly names = new Map<string, { sheet: string; address: string }>();
  /** Tables that have their engine name (a named expression over the data body). */
  private readonly named = new Set<EmbeddedTable>();

  constructor(private readonly engine: HyperFormula) {}

  /** The table called `name` (any case). */
  find(name: string): EmbeddedTable | undefined {
    const lower = name.toLowerCase();
    return this.tables.find((t) => t.name.toLowerCase() === lower);
  }

  /** Table and workbook names in use (a new one must differ from all of them). */
  taken(): string[] {
    return [...this.tables.map((t) => t.name), ...this.names.keys()];
  }

  /**
   * A new table. Its engine name is added now only when `nameNow` (formulas already wait for it);
   * otherwise when a formula needs it (see nameTablesIn): a name over a large table costs an edge
   * per cell to build, and HyperFormula takes minutes to remove one over millions of cells.
   */
  addTable(table: EmbeddedTable, nameNow: boolean): void {
    this.tables.push(table);
    if (nameNow) this.nameTable(table);
  }

  /** A workbook name over `address` of `sheet`. */
  addName(name: string, sheet: string, address: string): void {
    this.names.set(name, { sheet, address });
    this.addEngineName(name, sheet, address);
  }

  /**
   * Give every table whose bare name appears in `formula` its engine name, before the formula is
   * entered. Not for `Table[…]` (rewritten to ranges) or a sheet of the same name (`Caseload!A2`).
   */
  nameTablesIn(formula: string): void {
    if (this.named.size === this.tables.length) return;
    const text = formula.toLowerCase();
    for (const t of this.tables) {
      if (this.named.has(t)) continue;
      const name = t.name.toLowerCase();
      for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
        if (
          !NAME_CHAR.test(text[at - 1] ?? "") &&
          !/^[\w.![('\\]/.test(text[at + name.length] ?? "")
        ) {
          this.nameTable(t);
          break;
        }
      }
    }
  }

  /** Forget the tables and names on a sheet being deleted, with their engine names. */
  dropSheet(sheet: string): void {
    const same = (s: string) => s.toLowerCase() === sheet.toLowerCase();
    for (let i = this.tables.length - 1; i >= 0; i--) {
      if (same(this.tables[i].sheet)) {
        if (this.named.delete(this.tables[i])) this.removeEngineName(this.tables[i].name);
        this.tables.splice(i, 1);
      }
    }
    for (const [n, ref] of [...this.names]) {
      if (same(ref.sheet)) {
        this.removeEngineName(n);
        this.names.delete(n);
      }
    }
  }

  /** Forget everything (the engine's names are removed by the caller, with its sheets). */
  clear(): void {
    this.tables.length = 0;
    this.named.clear();
    this.names.clear();
  }

  /** Copies of the tables and workbook names, for an undo step. */
  state(): Pick<BookState, "tables" | "userNames"> {
    return {
      tables: this.tables.map((t) => ({ ...t })),
      userNames: [...this.names].map(([n, r]) => [n, { ...r }]),
    };
  }

  /** Put back recorded tables and names (the engine's names were restored by the caller). */
  restore(state: Pick<BookState, "tables" | "userNames">): void {
    this.tables.splice(0, this.tables.length, ...state.tables.map((t) => ({ ...t })));
    this.named.clear();
    for (const t of this.tables) if (this.engine.getNamedExpression(t.name)) this.named.add(t);
    this.names.clear();
    for (const [n, r] of state.userNames) this.names.set(n, { ...r });
  }

  /**
   * A file's names as engine names (after its sheets exist). A name over one range of a sheet is
   * also a workbook name here. Returns what could not be kept (names the engine refuses).
   */
  openNames(names: readonly BookName[]): string[] {
    const notes: string[] = [];
    for (const n of names) {
      const scope = n.sheet === undefined ? undefined : this.engine.getSheetId(n.sheet);
      if (this.engine.isItPossibleToAddNamedExpression(n.name, n.formula, scope)) {
        this.engine.addNamedExpression(n.name, n.formula, scope);
        const m = /^=(.+)!(\$?[A-Z]+\$?\d+(?::\$?[A-Z]+\$?\d+)?)$/.exec(n.formula);
        if (m && scope === undefined)
          this.names.set(n.name, {
            sheet: m[1].replace(/^'|'$/g, "").replace(/''/g, "'"),
            address: m[2].replace(/\$/g, ""),
          });
      } else
        notes.push(`name ${n.name}: not a name the playground can hold (${n.formula}), not opened`);
    }
    return notes;
  }

  private nameTable(t: EmbeddedTable): void {
    const r = parseRange(t.address);
    this.addEngineName(
      t.name,
      t.sheet,
      rangeAddress(r.top + 1, r.left, Math.max(r.bottom - r.top, 1), r.right - r.left + 1)
    );
    this.named.add(t);
  }

  private addEngineName(name: string, sheet: string, address: string): void {
    const expression = `=${qualified(sheet, absolute(address))}`;
    if (this.engine.isItPossibleToAddNamedExpression(name, expression))
      this.engine.addNamedExpression(name, expression);
  }

  private removeEngineName(name: string): void {
    if (this.engine.getNamedExpression(name)) this.engine.removeNamedExpression(name);
  }
}
