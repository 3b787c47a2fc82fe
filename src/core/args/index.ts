/* Argument reading for every function family: arguments declared as specs and read in one call
   (specs.ts), columns (columns.ts), one cell of a column (cells.ts) and single-value number
   arguments (single.ts). */
export * from "./columns";
export * from "./cells";
export * from "./single";
export * from "./specs";
