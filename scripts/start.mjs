// `npm start`: build and serve the add-in (and the playground, when built) on port 3000.
// HTTPS with the office-addin-dev-certs certificate when its CA can be installed; otherwise the
// generated (untrusted) certificate; otherwise plain http. Prints how to sideload into Excel.
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { existsSync, readFileSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";

const require = createRequire(import.meta.url);
const webpack = require("webpack");
const WebpackDevServer = require("webpack-dev-server");
const configs = require("../webpack.config.js");

const PORT = Number(process.env.PORT || 3000);
const CERT_DIR = join(homedir(), ".office-addin-dev-certs");

const withTimeout = (promise, ms, what) =>
  Promise.race([promise, new Promise((_, reject) => setTimeout(() => reject(new Error(`${what} timed out`)), ms))]);

async function serverOptions() {
  // Keep the dev tools from trying to send usage data: PbR Toolkit sends nothing anywhere.
  try {
    require("office-addin-usage-data").turnUsageDataOff?.();
  } catch {
    /* not installed: nothing to turn off */
  }
  const certs = require("office-addin-dev-certs");
  try {
    const options = await withTimeout(certs.getHttpsServerOptions(), 30_000, "installing the certificate");
    return { type: "https", options, note: "https with the trusted office-addin-dev-certs certificate" };
  } catch (err) {
    console.warn(`Could not install the development CA (${err.message.split("\n")[0]}).`);
  }
  try {
    const crt = join(CERT_DIR, "localhost.crt");
    const key = join(CERT_DIR, "localhost.key");
    if (!existsSync(crt) || !existsSync(key)) await certs.generateCertificates();
    return {
      type: "https",
      options: { cert: readFileSync(crt), key: readFileSync(key), ca: readFileSync(join(CERT_DIR, "ca.crt")) },
      note: "https with an UNTRUSTED generated certificate: your browser will warn; Excel needs the CA trusted (npx office-addin-dev-certs install)",
    };
  } catch (err) {
    console.warn(`Could not generate a certificate (${err.message}); serving plain http.`);
    return { type: "http", note: "plain http: fine for the playground, but Excel only sideloads https add-ins" };
  }
}

/** True when nothing else is listening on the port. */
const portFree = (port) =>
  new Promise((resolve) => {
    const probe = createServer()
      .once("error", () => resolve(false))
      .once("listening", () => probe.close(() => resolve(true)))
      .listen(port, "localhost");
  });

if (!Number.isInteger(PORT) || PORT < 1 || PORT > 65535) {
  console.error(`PORT=${process.env.PORT} is not a port number (1–65535).`);
  process.exit(1);
}
if (!(await portFree(PORT))) {
  console.error(`Port ${PORT} is already in use: stop the other server, or start on another port with PORT=${PORT + 1} npm start`);
  process.exit(1);
}

// The manifest and help links follow the port when it is not the default.
if (!process.env.ADDIN_URL && PORT !== 3000) process.env.ADDIN_URL = `https://localhost:${PORT}/`;

const server = await serverOptions();
const scheme = server.type === "http" ? "http" : "https";
// The same production bundles the tests use: the playground loads a few MB instead of ~19 MB.
const compiler = webpack(configs({}, { mode: "production" }));
const devServer = new WebpackDevServer(
  {
    port: PORT,
    host: "localhost",
    server: server.type === "http" ? "http" : { type: "https", options: server.options },
    hot: false,
    liveReload: false,
    client: false,
    static: false,
    open: false,
  },
  compiler
);
await devServer.start();

const base = `${scheme}://localhost:${PORT}`;
const playground = configs({}, { mode: "production" }).some((c) => c.name === "playground");
console.log(`
PbR Toolkit is being served at ${base}  (${server.note})
${playground ? `
  Try it without Excel:   ${base}/playground.html
` : ""}
  Task pane page:         ${base}/taskpane.html
  Manifest:               manifest.xml

Sideload into Excel
  Windows or Mac desktop: in another terminal run  npx office-addin-debugging start manifest.xml
  Excel on the web:       Insert > Add-ins > More Add-ins > Upload My Add-in, choose manifest.xml
                          (the page must be served over trusted https).
  Then type =PBR. in a cell, or open PbR Toolkit from the Home tab.

Press Ctrl+C to stop.`);
