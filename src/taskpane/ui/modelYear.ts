/* The financial year Set up model costs the caseload in, shared with the journeys that ask for a
   year (the Scenario runner starts at it), so a year typed once is not asked again. */
import { createContext, useContext } from "react";

export interface ModelYear {
  /** The year Set up model last wrote (the year the financial year starts), or null. */
  year: number | null;
  setYear: (year: number) => void;
}

export const ModelYearContext = createContext<ModelYear>({ year: null, setYear: () => undefined });

export function useModelYear(): ModelYear {
  return useContext(ModelYearContext);
}
