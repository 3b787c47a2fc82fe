/**
 * A table column's filter, as Excel's filter drop-down has it: the column's distinct shown values
 * with how many rows show each, a "Select all" box, a search box when there are many, OK and
 * Cancel. A dialog (Fluent UI Popover with focus kept inside): Tab moves through it, Space ticks,
 * Enter is OK, Escape is Cancel. A search ticks what it finds, and OK then keeps the ticked values
 * that match it, as Excel's "Select all search results" does. No sorting: that rewrites the sheet's rows.
 */
import { useEffect, useMemo, useRef, useState, type ReactElement } from "react";
import { Button, Checkbox, Input, Popover, PopoverSurface, Text } from "@fluentui/react-components";
import type { DistinctValue } from "./filterIndex";

/** Values listed at once; a search finds the others. */
export const LIST_CAP = 200;
/** More values than this and a search box is offered. */
const SEARCH_FROM = 10;

export interface FilterPopupProps {
  /** The filter button the popup opens from. */
  target: HTMLElement;
  table: string;
  column: string;
  values: readonly DistinctValue[];
  /** The column's current filter (null: every value shown). */
  allowed: ReadonlySet<string> | null;
  /** Told the texts to keep, or null to show every row (every value ticked). */
  onApply: (allowed: Set<string> | null) => void;
  onClose: () => void;
}

export const valueLabel = (text: string) => (text === "" ? "(Blanks)" : text);

export function FilterPopup(props: FilterPopupProps): ReactElement {
  const { target, table, column, values, allowed, onApply, onClose } = props;
  const [checked, setChecked] = useState(() => new Set(values.filter((v) => !allowed || allowed.has(v.text)).map((v) => v.text)));
  const [query, setQuery] = useState("");
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), []);

  const matches = useMemo(() => {
    const q = query.trim().toLowerCase();
    return q ? values.filter((v) => valueLabel(v.text).toLowerCase().includes(q)) : values;
  }, [values, query]);
  const listed = matches.slice(0, LIST_CAP);
  const ticked = matches.filter((v) => checked.has(v.text)).length;
  const all = ticked === matches.length && matches.length > 0 ? true : ticked === 0 ? false : "mixed";

  const tick = (texts: readonly string[], on: boolean) =>
    setChecked((old) => {
      const next = new Set(old);
      for (const t of texts) if (on) next.add(t);
      else next.delete(t);
      return next;
    });
  // As in Excel, what a search finds starts ticked ("Select all search results").
  const search = (q: string) => {
    setQuery(q);
    const lower = q.trim().toLowerCase();
    if (lower) tick(values.filter((v) => valueLabel(v.text).toLowerCase().includes(lower)).map((v) => v.text), true);
  };
  const keep = query.trim() ? matches.filter((v) => checked.has(v.text)) : values.filter((v) => checked.has(v.text));
  const ok = () => onApply(keep.length === values.length ? null : new Set(keep.map((v) => v.text)));

  return (
    <Popover open trapFocus positioning={{ target, position: "below", align: "end" }} onOpenChange={(_, d) => !d.open && onClose()}>
      <PopoverSurface
        aria-label={`Filter ${column} column of table ${table}`}
        className="pbr-filter-popup"
        data-testid="filter-popup"
        onKeyDown={(e) => {
          if (e.key === "Enter" && !(e.target instanceof HTMLButtonElement) && keep.length > 0) {
            e.preventDefault();
            ok();
          }
        }}
      >
        {values.length > SEARCH_FROM && (
          <Input ref={first} size="small" aria-label={`Search the values of ${column}`} placeholder="Search" value={query} onChange={(_, d) => search(d.value)} />
        )}
        <Checkbox
          ref={values.length > SEARCH_FROM ? undefined : first}
          label={query.trim() ? "Select all search results" : "Select all"}
          checked={all}
          onChange={() => tick(matches.map((v) => v.text), all !== true)}
        />
        <div className="pbr-filter-values" role="group" aria-label={`Values of ${column}`}>
          {listed.map((v) => (
            <Checkbox
              key={v.text}
              label={`${valueLabel(v.text)} (${v.count.toLocaleString("en-GB")})`}
              checked={checked.has(v.text)}
              onChange={(_, d) => tick([v.text], d.checked === true)}
            />
          ))}
        </div>
        {matches.length > listed.length && (
          <Text size={200} block>
            Showing {listed.length.toLocaleString("en-GB")} of {matches.length.toLocaleString("en-GB")} values: search to find the others.
          </Text>
        )}
        {matches.length === 0 && (
          <Text size={200} block>
            No value matches “{query.trim()}”.
          </Text>
        )}
        <div className="pbr-filter-actions">
          <Button size="small" appearance="primary" disabled={keep.length === 0} onClick={ok}>
            OK
          </Button>
          <Button size="small" onClick={onClose}>
            Cancel
          </Button>
        </div>
      </PopoverSurface>
    </Popover>
  );
}
