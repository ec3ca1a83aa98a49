import { type Programme } from './household.types';
import { type SourceCode } from './verified-facts.types';

/** Rule ids of SPEC 6.3, in the order every rule trace lists them. */
export const RULE_IDS = [
  'INCOME',
  'FINANCIAL_ASSETS',
  'VEHICLES',
  'DWELLINGS',
  'ENTERPRISE',
  'PUBLIC_PAYROLL',
  'ALREADY_ASSISTED',
  'NO_LABOUR_CAPACITY',
  'NO_ABLE_SUPPORTER',
  'DATA_COMPLETE',
] as const;
export type RuleId = (typeof RULE_IDS)[number];

export const RULE_RESULTS = ['PASS', 'FAIL', 'REVIEW'] as const;
export type RuleResult = (typeof RULE_RESULTS)[number];

export const OUTCOMES = ['ELIGIBLE', 'INELIGIBLE', 'NEEDS_REVIEW'] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** One line of the rule trace: the result, the figures it used (English, yuan) and the article it applies. */
export interface RuleTrace {
  readonly id: RuleId;
  readonly result: RuleResult;
  readonly detail: string;
  readonly legalBasis: string;
}

/** The household figures the recommendation view shows (SPEC 6.4). */
export interface RecommendationAssessment {
  readonly n: number;
  readonly householdIncomeFen: number;
  readonly perCapitaFen: number;
  readonly standardFen: number;
  readonly financialAssetsFen: number;
  readonly vehicles: number;
  readonly dwellings: number;
}

/** The recommendation view of SPEC 6.4, exactly. */
export interface Recommendation {
  readonly programme: Programme;
  readonly outcome: Outcome;
  readonly monthlyBenefitFen: number;
  readonly alternativeProgramme: 'DIBAO' | 'EDGE' | null;
  readonly rules: readonly RuleTrace[];
  readonly assessment: RecommendationAssessment;
  readonly policyVersion: string;
}

export const DISCREPANCY_CODES = [
  'UNDECLARED_WAGE',
  'UNDECLARED_PENSION',
  'UNDECLARED_VEHICLE',
  'UNDECLARED_PROPERTY',
  'UNDECLARED_DEPOSITS',
  'UNDECLARED_BUSINESS',
  'MEMBER_DECEASED',
  'PUBLIC_PAYROLL',
  'ALREADY_ASSISTED',
  'PERSON_NOT_FOUND',
] as const;
export type DiscrepancyCode = (typeof DISCREPANCY_CODES)[number];

/** A declared-versus-found difference of the verification report (SPEC 5.4). Fen fields only for money. */
export interface Discrepancy {
  readonly memberId: string;
  readonly code: DiscrepancyCode;
  readonly source: SourceCode;
  readonly declaredFen?: number;
  readonly foundFen?: number;
  readonly detail: string;
}
