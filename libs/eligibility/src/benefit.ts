import { type HouseholdAssessment } from './assessment';
import { type Programme } from './household.types';
import { financialAssetLimitFen, financialAssetMonthsFor, incomeLimit } from './limits';
import { decimalRatio, multiplyRoundHalfUpToYuan, roundHalfUpToYuan } from './money';
import { type PolicyParameters } from './policy-parameters';
import { type RuleId, type RuleTrace } from './recommendation.types';

/** The monthly amount of an ELIGIBLE household (SPEC 6.4); the caller pays 0 for any other outcome. */
export function eligibleMonthlyBenefitFen(
  programme: Programme,
  params: PolicyParameters,
  assessment: HouseholdAssessment,
): number {
  switch (programme) {
    case 'DIBAO':
      // 差额法: the gap to the standard times the household size (《社会救助暂行办法》第十二条; 《最低生活保障审核确认办法》第二十三条).
      return roundHalfUpToYuan((assessment.standardFen - assessment.perCapitaFen) * assessment.n);
    case 'EDGE':
      // Edge status opens targeted assistance; it carries no cash amount (SPEC 6.4).
      return 0;
    case 'TEKUN':
      // The support standard is a multiple of the dibao standard, rounded per person before multiplying by n.
      return (
        multiplyRoundHalfUpToYuan(decimalRatio(params.tekunMultiplier), assessment.standardFen) * assessment.n
      );
  }
}

function incomeBelow(
  programme: Programme,
  params: PolicyParameters,
  assessment: HouseholdAssessment,
): boolean {
  return assessment.perCapitaFen < incomeLimit(programme, params, assessment.standardFen).fen;
}

function assetsWithin(
  programme: Programme,
  params: PolicyParameters,
  assessment: HouseholdAssessment,
): boolean {
  const months = financialAssetMonthsFor(programme, params);
  return (
    BigInt(assessment.financialAssetsFen) <=
    financialAssetLimitFen(months, assessment.standardFen, assessment.n)
  );
}

/**
 * The programme the household would qualify for instead (SPEC 6.4). EDGE → DIBAO when per-capita income is below
 * the standard and assets pass the DIBAO test, provided no rule shared by both programmes (vehicles, dwellings,
 * enterprise) fails, since those would fail the DIBAO application too. DIBAO → EDGE when INCOME is the only FAIL
 * and the EDGE income and asset tests pass. Never with no counted member.
 */
export function alternativeProgrammeFor(
  programme: Programme,
  params: PolicyParameters,
  assessment: HouseholdAssessment,
  rules: readonly RuleTrace[],
): 'DIBAO' | 'EDGE' | null {
  if (assessment.n === 0) return null;
  const failed: RuleId[] = rules.filter((rule) => rule.result === 'FAIL').map((rule) => rule.id);
  switch (programme) {
    case 'EDGE':
      return failed.every((id) => id === 'INCOME' || id === 'FINANCIAL_ASSETS') &&
        incomeBelow('DIBAO', params, assessment) &&
        assetsWithin('DIBAO', params, assessment)
        ? 'DIBAO'
        : null;
    case 'DIBAO':
      return failed.length === 1 &&
        failed[0] === 'INCOME' &&
        incomeBelow('EDGE', params, assessment) &&
        assetsWithin('EDGE', params, assessment)
        ? 'EDGE'
        : null;
    case 'TEKUN':
      return null;
  }
}
