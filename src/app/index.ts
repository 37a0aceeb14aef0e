/** The application layer: what every front end does with a workbook's bytes. */
export * from "./options";
export * from "./score-file";
export * from "./rollup-files";
export * from "./criteria-sheet-file";
