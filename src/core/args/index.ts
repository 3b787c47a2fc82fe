/* Argument reading for every function family: columns (columns.ts), one cell of a column
   (cells.ts) and single-value arguments declared as specs (single.ts). */
export * from "./columns";
export * from "./cells";
export * from "./single";
