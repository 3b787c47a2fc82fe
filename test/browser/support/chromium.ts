/**
 * Finding a Chromium-based browser for the browser tests: $CHROME_PATH, Debian's /usr/bin/chromium,
 * an installed Chrome or Edge. On Debian as root, Debian's `chromium` package is installed when none
 * is found; elsewhere the tests stop with a message saying what to install.
 */
import { execSync } from "node:child_process";
import { existsSync } from "node:fs";

const CANDIDATES = [
  "/usr/bin/chromium",
  "/usr/bin/chromium-browser",
  "/usr/bin/google-chrome",
  "/usr/bin/google-chrome-stable",
  "/usr/bin/microsoft-edge",
  "/usr/bin/microsoft-edge-stable",
  "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
  "/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge",
  "C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe",
  "C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe",
];

export function findBrowser(): string | undefined {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv;
    throw new Error(`CHROME_PATH is set to ${fromEnv}, but there is no browser there.`);
  }
  return CANDIDATES.find((p) => existsSync(p));
}

function isDebianRoot(): boolean {
  return existsSync("/etc/debian_version") && typeof process.getuid === "function" && process.getuid() === 0;
}

/** The browser's path, installing Debian's chromium when that is possible and needed. */
export function ensureBrowser(): string {
  const found = findBrowser();
  if (found) return found;
  if (isDebianRoot()) {
    console.log("No Chromium-based browser found: installing Debian's chromium package (apt-get install chromium)…");
    execSync("apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium", {
      stdio: "inherit",
    });
    const installed = findBrowser();
    if (installed) return installed;
  }
  throw new Error(
    "The browser tests need a Chromium-based browser and none was found. Install one " +
      "(Debian/Ubuntu: `sudo apt-get install chromium`; or Google Chrome / Microsoft Edge), " +
      "or set CHROME_PATH to its executable."
  );
}

/** Flags for a quiet headless run on a closed network. */
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-dev-shm-usage",
];
