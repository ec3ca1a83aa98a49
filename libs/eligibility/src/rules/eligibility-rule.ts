import { type HouseholdAssessment, type MemberWithFacts } from '../assessment';
import { type HouseholdInput, type Programme } from '../household.types';
import { type PolicyParameters } from '../policy-parameters';
import { type RuleId, type RuleResult, type RuleTrace } from '../recommendation.types';
import { type SourceCode } from '../verified-facts.types';

/** Everything a rule may look at: validated input plus the assessment of SPEC 6.2. */
export interface RuleContext {
  readonly household: HouseholdInput;
  readonly params: PolicyParameters;
  readonly assessment: HouseholdAssessment;
  /** Counted members with their facts, in household order. */
  readonly counted: readonly MemberWithFacts[];
  readonly failedSources: readonly SourceCode[];
}

/** One row of SPEC 6.3: the programmes it applies to and a pure evaluation. */
export interface EligibilityRule {
  readonly id: RuleId;
  readonly programmes: readonly Programme[];
  evaluate(context: RuleContext): RuleTrace;
}

export const ALL_PROGRAMMES: readonly Programme[] = ['DIBAO', 'EDGE', 'TEKUN'];

/** The detail every household-figure rule reports when no member is counted (SPEC 6.2: n = 0 → NEEDS_REVIEW). */
export const NO_COUNTED_MEMBERS =
  'no counted household member (every member is non-co-resident, excluded or reported deceased by HUKOU): cannot be assessed';

export function trace(id: RuleId, result: RuleResult, detail: string, legalBasis: string): RuleTrace {
  return { id, result, detail, legalBasis };
}

/** `1 vehicle`, `2 vehicles`. */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
