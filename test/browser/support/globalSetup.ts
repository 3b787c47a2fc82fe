import { existsSync } from "node:fs";
import { join } from "node:path";
import { ensureBrowser } from "./chromium";

export default async function globalSetup(): Promise<void> {
  const dist = join(__dirname, "..", "..", "..", "dist");
  if (!existsSync(join(dist, "taskpane.html"))) {
    throw new Error("dist/ is not built: run `npm test` (which builds first) or `npm run build`.");
  }
  process.env.PBR_BROWSER = ensureBrowser();
}
