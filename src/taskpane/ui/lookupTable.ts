/* The lookup table pickers (prices, steps, bands, profile, rules): their labels and hints, the
   tables of each kind, and the one chosen. */
import { useEffect, useMemo, useState } from "react";
import { PREFERRED_NAMES, TABLE_COLUMNS, preferTable, tablesOfKind } from "./tables";

/** Each lookup picker's label, the header its table needs, and what "no table" means. */
const LOOKUP_FIELDS: Record<
  keyof typeof TABLE_COLUMNS,
  { readonly label: string; readonly hint?: string; readonly none: string }
> = {
  prices: { label: "Price table", none: "Built-in illustrative prices" },
  steps: {
    label: "Step table",
    hint: "Header Step | Percent",
    none: "Built-in illustrative steps",
  },
  bands: {
    label: "Band table",
    hint: "Header From | To | Rate",
    none: "Illustrative bands (written on the sheet)",
  },
  profile: {
    label: "Profile table",
    hint: "Header Cluster | Item | 0 | 1 | 2 | 3 | 4",
    none: "Built-in indicative profile",
  },
  rules: {
    label: "Super class rules table",
    hint: "Header Rule | Super class | When | Reason. With the built-in profile the built-in rules apply; with a profile table of your own, choose rules to decide the super class first.",
    none: "Built-in indicative rules",
  },
};

/**
 * A lookup table picker (prices, bands, steps, profile, rules): a TableField's props (spread them
 * into one), offering the tables of that kind and starting at the first whose name begins with one
 * of its PREFERRED_NAMES ("" for none). `value` is the table chosen.
 */
export function useLookupTable(
  tables: readonly string[],
  headers: ReadonlyMap<string, readonly string[]>,
  kind: keyof typeof TABLE_COLUMNS
) {
  const options = useMemo(() => tablesOfKind(tables, headers, kind), [tables, headers, kind]);
  const [name, setName] = useState("");
  const first = preferTable(options, ...PREFERRED_NAMES[kind]);
  useEffect(() => setName((n) => n || first), [first]);
  return { ...LOOKUP_FIELDS[kind], tables: options, value: name, onChange: setName };
}
