export * from '@/domain/rules/types';
export { RULES, rule, isRuleId, findCheck, checkDef, assessedRules } from '@/domain/rules/definitions';
export {
  evaluateReport,
  evaluatePair,
  evaluateReports,
  checkCells,
  involvedCells,
  chooseAlternative,
  reportTemplate,
  type ReportRow,
  type InvolvedCells,
} from '@/domain/rules/evaluate';
export { describeCheck, checkFormula, type Lang } from '@/domain/rules/describe';
