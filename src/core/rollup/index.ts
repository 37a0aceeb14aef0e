/**
 * Roll-up of many units' workbooks into one ranking (pure: results in, sheet content out).
 */
export { unitName, unitFromTitle, unitFromFileName, labelledValue } from "./unit-name";
export {
  scoreUnit,
  rollupUnit,
  type UnitOptions,
  unitFromRun,
  setEntries,
  cellInMessage,
  isAppraisalHeader,
  type UnitResult,
  type UnitFailure,
  type UnitWarning,
  type UnitOverdue,
  type UnitCriteriaSet,
  type SetEntry,
} from "./unit-result";
export { rankByPoints, type Ranked } from "./ranking";
export {
  groupByCriteriaSet,
  describeDifference,
  setKey,
  type CriteriaGroup,
} from "./criteria-groups";
export { rollUp, lostPoints, type Rollup, type RankedUnit, type MatrixBlock } from "./rollup";
export {
  buildRollupSheets,
  pointsText,
  ROLLUP_SHEET_NAMES,
  ROLLUP_COLORS,
  WARNING_DETAIL_ROWS_PER_UNIT,
  type RollupSheet,
} from "./sheets";
export { rollupReport } from "./report";
export {
  countEachUnitOnce,
  distinctUnitNames,
  fileKey,
  isScoredCopy,
  type UnitFileEntry,
} from "./duplicates";
