/**
 * Removing a formula over a long range in linear time.
 *
 * When a formula leaves HyperFormula 3.x (cleared, re-entered at a new size, or its sheet
 * deleted), `DependencyGraph.removeVertexAndCleanupDependencies` walks what the formula depended
 * on to drop range and empty-cell vertices nothing needs any more. It keeps that work list in a
 * Set and takes each item with `set.values().next()` after deleting the one before: each take
 * skips every deleted slot from the start, so a range of n cells costs about n²/2 steps. A SUM
 * over 100,000 rows took 1.6–2 s to clear, and deleting a Budgets sheet for 100,000 people 11–12 s
 * (issue 14: no user action may hold the page over 1 s).
 *
 * `useLinearRemoval` replaces that one method, once per HyperFormula class, with the same walk
 * over an array used as a stack: each vertex is still removed only when nothing depends on it
 * (checked when it is taken, and it comes back on the list whenever one of its dependents goes),
 * so what is removed is what HyperFormula removes. The method and the classes it tests for are
 * HyperFormula internals (marked @internal in its typings): they are found on a scratch engine,
 * and if any is missing the engine keeps its own method.
 */
import { HyperFormula } from "hyperformula";

interface Address {
  sheet: number;
  row: number;
  col: number;
}

type Dependency = [Address | object, object];

interface GraphInternals {
  removeNode(vertex: object): Dependency[];
  hasNode(vertex: object): boolean;
  adjacentNodesCount(vertex: object): number;
}

interface DependencyGraphInternals {
  graph: GraphInternals;
  rangeMapping: {
    removeVertexIfExists(vertex: object): void;
    getRangeVertex(start: Address, end: Address): object | undefined;
  };
  addressMapping: { removeCell(address: Address): void; getCell(address: Address): unknown };
  cleanupPlaceholderSheets(sheets: Set<number>): void;
  removeVertexAndCleanupDependencies(vertex: object): void;
}

const isAddress = (a: unknown): a is Address =>
  typeof a === "object" &&
  a !== null &&
  typeof (a as Address).sheet === "number" &&
  typeof (a as Address).row === "number" &&
  typeof (a as Address).col === "number";

let installed: boolean | undefined;
/** HyperFormula's own method, kept for the tests that compare the two. */
export let hyperFormulaRemoval: ((vertex: object) => void) | undefined;

/**
 * Install the linear removal on HyperFormula's dependency graph class. Returns whether it is in
 * place (false when this HyperFormula version does not have what it replaces).
 */
export function useLinearRemoval(): boolean {
  if (installed !== undefined) return installed;
  installed = false;
  // A scratch engine with one range vertex (A1:A3) over empty cells: its classes are the ones
  // the walk tests for.
  const scratch = HyperFormula.buildFromArray([[null, "=SUM(A1:A3)"]], { licenseKey: "gpl-v3" });
  try {
    const graph = (scratch as unknown as { dependencyGraph?: DependencyGraphInternals })
      .dependencyGraph;
    const proto = graph && Object.getPrototypeOf(graph);
    const emptyCell = graph?.addressMapping?.getCell?.({ sheet: 0, row: 0, col: 0 });
    const range = graph?.rangeMapping?.getRangeVertex?.(
      { sheet: 0, row: 0, col: 0 },
      { sheet: 0, row: 2, col: 0 }
    );
    if (
      !proto ||
      typeof proto.removeVertexAndCleanupDependencies !== "function" ||
      typeof proto.cleanupPlaceholderSheets !== "function" ||
      typeof range !== "object" ||
      typeof emptyCell !== "object" ||
      emptyCell === null
    )
      return false;
    hyperFormulaRemoval = proto.removeVertexAndCleanupDependencies;
    const RangeVertex = (range as object).constructor;
    const EmptyCellVertex = (emptyCell as object).constructor;
    proto.removeVertexAndCleanupDependencies = function (
      this: DependencyGraphInternals,
      inputVertex: object
    ): void {
      const work: Dependency[] = this.graph.removeNode(inputVertex);
      const affectedSheets = new Set<number>();
      while (work.length > 0) {
        const [address, vertex] = work.pop()!;
        if (!this.graph.hasNode(vertex) || this.graph.adjacentNodesCount(vertex) !== 0) continue;
        if (vertex instanceof RangeVertex || vertex instanceof EmptyCellVertex) {
          for (const next of this.graph.removeNode(vertex)) work.push(next);
        }
        if (vertex instanceof RangeVertex) {
          this.rangeMapping.removeVertexIfExists(vertex);
          affectedSheets.add((vertex as unknown as { sheet: number }).sheet);
        } else if (vertex instanceof EmptyCellVertex && isAddress(address)) {
          this.addressMapping.removeCell(address);
          affectedSheets.add(address.sheet);
        }
      }
      this.cleanupPlaceholderSheets(affectedSheets);
    };
    installed = true;
    return true;
  } finally {
    scratch.destroy();
  }
}
