/**
 * axe-core (the engine behind Lighthouse's and Edge's checks) run in the page: nothing is fetched,
 * the script comes from node_modules. Shared by the accessibility tests.
 */
import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";

const AXE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; html: string }[];
}

/**
 * Every element is checked, the playground's grid included. One finding is set aside, narrowly: the
 * aria-hidden-focus rule on Fluent UI's focus guards (Tabster's "dummy inputs", `<i tabindex="0"
 * aria-hidden="true" data-tabster-dummy>`), and only on those. They are focusable and hidden on
 * purpose: their one job is to hand focus straight on to the next real control, and unhidden a
 * screen reader would announce them. Tabster's maintainer says so (microsoft/tabster#288), Fluent
 * closed the report as by design (microsoft/fluentui#27517), and Accessibility Insights, which runs
 * axe-core too, suppresses exactly this result (microsoft/accessibility-insights-web#7605).
 */
function documentedFalsePositive(rule: string, node: { html: string }): boolean {
  return rule === "aria-hidden-focus" && /^<i\b[^>]*\bdata-tabster-dummy\b/.test(node.html);
}

/** Serious and critical violations inside `selector` (the whole page when omitted), one line each. */
export async function violations(page: Page, selector?: string): Promise<string[]> {
  await page.evaluate(AXE);
  const found = await page.evaluate(async (selector) => {
    const axe = (
      globalThis as unknown as {
        axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: Violation[] }> };
      }
    ).axe;
    // Colour contrast is measured on what is drawn: a popup still fading in (Fluent's motion) has
    // text at part opacity. Let finite animations end first (at most 2 s; a spinner never ends).
    const ending = document
      .getAnimations()
      .filter((a) => a.effect?.getComputedTiming().iterations !== Infinity)
      .map((a) => a.finished.catch(() => undefined));
    await Promise.race([Promise.all(ending), new Promise((done) => setTimeout(done, 2000))]);
    const context = selector ? { include: [[selector]] } : document;
    const result = await axe.run(context, { resultTypes: ["violations"] });
    return result.violations;
  }, selector ?? null);
  return found
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => ({ ...v, nodes: v.nodes.filter((n) => !documentedFalsePositive(v.id, n)) }))
    .filter((v) => v.nodes.length > 0)
    .map(
      (v) =>
        `${v.impact} ${v.id}: ${v.help} at ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(" "))
          .join(", ")}`
    );
}
