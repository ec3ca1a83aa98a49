import { assessHousehold, partitionMembers, type HouseholdAssessment } from './assessment';
import { alternativeProgrammeFor, eligibleMonthlyBenefitFen } from './benefit';
import { type HouseholdInput } from './household.types';
import { assertValidEligibilityInput } from './input-validation';
import { type PolicyParameters } from './policy-parameters';
import { type Outcome, type Recommendation, type RuleTrace } from './recommendation.types';
import { alreadyAssistedRule } from './rules/already-assisted.rule';
import { dataCompleteRule } from './rules/data-complete.rule';
import { dwellingsRule } from './rules/dwellings.rule';
import { type EligibilityRule } from './rules/eligibility-rule';
import { enterpriseRule } from './rules/enterprise.rule';
import { financialAssetsRule } from './rules/financial-assets.rule';
import { incomeRule } from './rules/income.rule';
import { noAbleSupporterRule } from './rules/no-able-supporter.rule';
import { noLabourCapacityRule } from './rules/no-labour-capacity.rule';
import { publicPayrollRule } from './rules/public-payroll.rule';
import { vehiclesRule } from './rules/vehicles.rule';
import { type VerifiedFacts } from './verified-facts.types';

/** SPEC 6.3 in table order; each rule knows which programmes it belongs to. */
const RULES: readonly EligibilityRule[] = [
  incomeRule,
  financialAssetsRule,
  vehiclesRule,
  dwellingsRule,
  enterpriseRule,
  publicPayrollRule,
  alreadyAssistedRule,
  noLabourCapacityRule,
  noAbleSupporterRule,
  dataCompleteRule,
];

/**
 * Any FAIL → INELIGIBLE, else any REVIEW → NEEDS_REVIEW, else ELIGIBLE (SPEC 6.3) — except that a household with
 * no counted member is always NEEDS_REVIEW (SPEC 6.2), even if a household-level rule such as NO_ABLE_SUPPORTER
 * fails: with nobody counted the rules have nothing to decide about; and that incomplete data (DATA_COMPLETE is
 * REVIEW) is always NEEDS_REVIEW: "a household is never denied because a department was unavailable" (SPEC 5.3).
 */
function outcomeOf(n: number, rules: readonly RuleTrace[]): Outcome {
  if (n === 0) return 'NEEDS_REVIEW';
  if (rules.some((rule) => rule.id === 'DATA_COMPLETE' && rule.result === 'REVIEW')) return 'NEEDS_REVIEW';
  if (rules.some((rule) => rule.result === 'FAIL')) return 'INELIGIBLE';
  if (rules.some((rule) => rule.result === 'REVIEW')) return 'NEEDS_REVIEW';
  return 'ELIGIBLE';
}

/** The assessment of SPEC 6.2 with its per-member breakdown (the verification report's figures). */
export function assess(
  household: HouseholdInput,
  facts: VerifiedFacts,
  params: PolicyParameters,
): HouseholdAssessment {
  assertValidEligibilityInput(household, facts, params);
  return assessHousehold(household, facts, params);
}

/**
 * The recommendation of SPEC 6.3–6.4. Pure and deterministic: the same (household, facts, params), e.g. read back
 * from a decision record, always yields a deep-equal recommendation.
 */
export function evaluate(
  household: HouseholdInput,
  facts: VerifiedFacts,
  params: PolicyParameters,
): Recommendation {
  assertValidEligibilityInput(household, facts, params);
  const assessment = assessHousehold(household, facts, params);
  const context = {
    household,
    params,
    assessment,
    counted: partitionMembers(household, facts).counted,
    failedSources: facts.failedSources,
  };
  const rules = RULES.filter((rule) => rule.programmes.includes(household.programme)).map((rule) =>
    rule.evaluate(context),
  );
  const outcome = outcomeOf(assessment.n, rules);
  return {
    programme: household.programme,
    outcome,
    monthlyBenefitFen:
      outcome === 'ELIGIBLE' ? eligibleMonthlyBenefitFen(household.programme, params, assessment) : 0,
    alternativeProgramme: alternativeProgrammeFor(household.programme, params, assessment, rules),
    rules,
    assessment: {
      n: assessment.n,
      householdIncomeFen: assessment.householdIncomeFen,
      perCapitaFen: assessment.perCapitaFen,
      standardFen: assessment.standardFen,
      financialAssetsFen: assessment.financialAssetsFen,
      vehicles: assessment.vehicles,
      dwellings: assessment.dwellings,
    },
    policyVersion: params.version,
  };
}
