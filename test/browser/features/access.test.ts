/**
 * Accessibility: axe-core (the engine behind Lighthouse's and Edge's checks) over the playground
 * and every task pane tab, with no serious or critical violation. axe runs in the page; nothing
 * leaves the machine.
 */
import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { FEATURES } from "../../../src/taskpane/App";
import { openFeature, pane, usePlayground } from "../support/playground";

const AXE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/**
 * Left out of the check, and why:
 * - Fluent UI's focus guards (Tabster "dummy inputs", `<i data-tabster-dummy tabindex="0"
 *   aria-hidden="true">`): invisible elements that hand focus on to the next real control, which
 *   axe reports as aria-hidden-focus. They are the library's keyboard handling, not content.
 * - The playground's own cell grid (`.pbr-grid`): its cells are not yet inside role="row"
 *   elements (aria-required-children/parent). Known and outstanding (issue 28's report); the
 *   task pane, the toolbar, the formula bar and the sheet tabs are all checked.
 */
const EXCLUDE = [["[data-tabster-dummy]"], [".pbr-grid"]];

/** Serious and critical violations inside `selector` (the whole page when omitted), one line each. */
async function violations(page: Page, selector?: string): Promise<string[]> {
  await page.evaluate(AXE);
  const found = await page.evaluate(
    async ({ selector, exclude }) => {
      const axe = (
        globalThis as unknown as {
          axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: Violation[] }> };
        }
      ).axe;
      const context = selector ? { include: [[selector]], exclude } : { exclude };
      const result = await axe.run(context, { resultTypes: ["violations"] });
      return result.violations;
    },
    { selector: selector ?? null, exclude: EXCLUDE }
  );
  return found
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map(
      (v) =>
        `${v.impact} ${v.id}: ${v.help} at ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(" "))
          .join(", ")}`
    );
}

describe("accessibility (axe-core)", () => {
  const pg = usePlayground();

  it("finds no serious or critical violation on the playground page", async () => {
    const { page } = pg();
    await expect(violations(page)).resolves.toEqual([]);
  });

  it.each(FEATURES.map((f) => f.label))("finds none in the task pane tab %s", async (label) => {
    const { page } = pg();
    await openFeature(page, label);
    await expect(pane(page).count()).resolves.toBe(1);
    await expect(violations(page, '[aria-label="PbR Toolkit task pane"]')).resolves.toEqual([]);
  });
});
