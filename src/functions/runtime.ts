import { startDateSystem } from "../workbook/office/dateSystemOwner";

/* Loaded before the function families. Inside Excel the CustomFunctions runtime exists. In a plain
   browser (the task pane opened on its own, the browser tests) it does not, and the generated
   `CustomFunctions.associate(...)` lines would throw: give them a harmless stand-in there. */
const g = globalThis as { CustomFunctions?: { associate?: unknown } };
if (typeof g.CustomFunctions === "undefined") {
  g.CustomFunctions = { associate: () => undefined };
}

/* The workbook's date system (1900 or 1904): this bundle's copy of core registers with the one
   owner in the shared runtime (workbook/office/dateSystemOwner.ts), which reads the system once for
   the pane and the functions and calculates this workbook again if a function answered under 1900. */
void startDateSystem();
