/**
 * What a self-assessment table adds to a table's result: its set checks, the appraisal side
 * by side and how its total was formed. Types only, so that the table result (score/) can
 * name them without importing the assessment scorer.
 */
import type { AppraisalTable } from "./appraisal";
import type { SetFinding } from "./set-checks";

export interface TotalFormation {
  main: number;
  mainMax: number;
  bonus: number;
  bonusCap: number | null;
  deduction: number;
  deductionCap: number | null;
  total: number;
  /** "Tổng = 85,5 (các lĩnh vực) + 2 (điểm thưởng, tối đa 4) − 1 (điểm trừ, tối đa 4) = 86,5" */
  text: string;
}

export interface AssessmentExtras {
  /** Findings on the table's own set, each naming its cell. */
  setChecks: SetFinding[];
  appraisal: AppraisalTable;
  formation: TotalFormation;
}
