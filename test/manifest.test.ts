/** Offline structural check of manifest.xml (office-addin-manifest validate needs an online service). */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { XMLParser, XMLValidator } from "fast-xml-parser";

const xml = readFileSync(join(__dirname, "..", "manifest.xml"), "utf8");
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@", removeNSPrefix: true, isArray: () => false });

/** Every element anywhere in the tree, as [name, node] pairs. */
function walk(node: unknown, name = "root", out: [string, Record<string, unknown>][] = []) {
  if (Array.isArray(node)) node.forEach((n) => walk(n, name, out));
  else if (node && typeof node === "object") {
    out.push([name, node as Record<string, unknown>]);
    for (const [k, v] of Object.entries(node)) if (!k.startsWith("@")) walk(v, k, out);
  }
  return out;
}

describe("manifest.xml", () => {
  const doc = parser.parse(xml);
  const app = doc.OfficeApp;
  const all = walk(app);

  it("is well-formed XML", () => {
    expect(XMLValidator.validate(xml)).toBe(true);
  });

  it("is an Excel task pane add-in called PbR Toolkit with a GUID id", () => {
    expect(app["@type"]).toBe("TaskPaneApp");
    expect(app.Id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
    expect(app.DisplayName["@DefaultValue"]).toBe("PbR Toolkit");
    expect(app.Hosts.Host["@Name"]).toBe("Workbook");
  });

  it("asks for ReadWriteDocument and no more", () => {
    expect(app.Permissions).toBe("ReadWriteDocument");
  });

  it("uses a shared runtime for the task pane and custom functions", () => {
    expect([app.Requirements.Sets.Set].flat().map((s: Record<string, string>) => s["@Name"])).toContain("SharedRuntime");
    const host = app.VersionOverrides.Hosts.Host;
    expect(host.Runtimes.Runtime["@lifetime"]).toBe("long");
    const runtimeRes = host.Runtimes.Runtime["@resid"];
    const cf = host.AllFormFactors.ExtensionPoint;
    expect(cf["@type"]).toBe("CustomFunctions");
    expect(cf.Page.SourceLocation["@resid"]).toBe(runtimeRes);
    expect(host.DesktopFormFactor.FunctionFile["@resid"]).toBe(runtimeRes);
  });

  it("declares the PBR custom functions namespace", () => {
    const nsRes = app.VersionOverrides.Hosts.Host.AllFormFactors.ExtensionPoint.Namespace["@resid"];
    const strings = [app.VersionOverrides.Resources.ShortStrings.String].flat();
    expect(strings.find((s: Record<string, string>) => s["@id"] === nsRes)["@DefaultValue"]).toBe("PBR");
  });

  it("has a ribbon button that opens the task pane", () => {
    const action = all.find(([name, node]) => name === "Action" && node["@type"] === "ShowTaskpane");
    expect(action).toBeDefined();
  });

  it("defines every resid it uses, each at most 32 characters", () => {
    const defined = new Set<string>();
    for (const [name, node] of all) {
      if (["Image", "Url", "String"].includes(name) && typeof node["@id"] === "string") defined.add(node["@id"] as string);
    }
    const used = all.filter(([, node]) => typeof node["@resid"] === "string").map(([, node]) => node["@resid"] as string);
    expect(used.length).toBeGreaterThan(5);
    for (const id of used) {
      expect(defined).toContain(id);
      expect(id.length).toBeLessThanOrEqual(32);
    }
    for (const id of defined) expect(id.length).toBeLessThanOrEqual(32);
  });
});
