/**
 * Parsed-table cache for table arguments (price tables, step tables): a table is parsed once per
 * distinct content, so a formula filled down 10,000 rows does not re-read the table 10,000 times.
 */
import type { PbrError } from "../core/errors";
import type { Grid } from "../core/values";

const CACHE_SIZE = 16;

export function tableCache<T>(parse: (grid: Grid) => T | PbrError): (grid: Grid) => T | PbrError {
  const cache = new Map<string, T | PbrError>();
  return (grid) => {
    const key = JSON.stringify(grid);
    let parsed = cache.get(key);
    if (parsed === undefined) {
      parsed = parse(grid);
      if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value as string);
      cache.set(key, parsed);
    }
    return parsed;
  };
}
