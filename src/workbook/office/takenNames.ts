/** The sheet, table and defined names a workbook already holds, read through Office.js. */
type Ctx = Excel.RequestContext;

export async function loadNames(
  collection: { load(p: string): unknown; items: { name: string }[] },
  context: Ctx
): Promise<string[]> {
  collection.load("items/name");
  await context.sync();
  return collection.items.map((i) => i.name);
}

/**
 * Table and defined names share one namespace in Excel, sheet-level names included: a table or
 * workbook name that matches a name scoped to any sheet is avoided too.
 */
export async function takenIdentifiers(context: Ctx): Promise<string[]> {
  const tables = context.workbook.tables;
  const names = context.workbook.names;
  const sheets = context.workbook.worksheets;
  tables.load("items/name");
  names.load("items/name");
  sheets.load("items/name");
  await context.sync();
  const scoped = sheets.items.map((sheet) => {
    sheet.names.load("items/name");
    return sheet.names;
  });
  await context.sync();
  return [
    ...tables.items.map((t) => t.name),
    ...names.items.map((n) => n.name),
    ...scoped.flatMap((n) => n.items.map((i) => i.name)),
  ];
}
