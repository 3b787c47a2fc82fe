import { startDateSystem } from "../workbook/office/dateSystem";

/* Loaded before the function families. Inside Excel the CustomFunctions runtime exists. In a plain
   browser (the task pane opened on its own, the browser tests) it does not, and the generated
   `CustomFunctions.associate(...)` lines would throw: give them a harmless stand-in there. */
const g = globalThis as { CustomFunctions?: { associate?: unknown } };
if (typeof g.CustomFunctions === "undefined") {
  g.CustomFunctions = { associate: () => undefined };
}

/* The workbook's date system (1900 or 1904), read once when the functions' runtime starts in
   Excel; a 1904 workbook found after functions already answered is calculated again once. */
void startDateSystem();
