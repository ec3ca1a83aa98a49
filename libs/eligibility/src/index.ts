export * from './household.types';
export * from './verified-facts.types';
export * from './policy-parameters';
export * from './recommendation.types';
export {
  type HouseholdAssessment,
  type IncomeBreakdown,
  type MemberAssessment,
  type NotCountedMember,
  type NotCountedReason,
  type VerifiedIncome,
} from './assessment';
export { assess, evaluate } from './eligibility-engine';
export { findDiscrepancies, toleranceFen } from './discrepancies';
export { EligibilityInputError, validateEligibilityInput, type InputProblem } from './input-validation';
export { formatYuan, roundHalfUpToYuan } from './money';
