import { financialAssetsBasis } from '../legal-basis';
import { financialAssetLimitFen, financialAssetMonthsFor } from '../limits';
import { formatYuan } from '../money';
import { ALL_PROGRAMMES, NO_COUNTED_MEMBERS, plural, trace, type EligibilityRule } from './eligibility-rule';

/** Financial assets at most months × standard × n; equal to the limit passes (SPEC 6.3). */
export const financialAssetsRule: EligibilityRule = {
  id: 'FINANCIAL_ASSETS',
  programmes: ALL_PROGRAMMES,
  evaluate({ household, params, assessment }) {
    const basis = financialAssetsBasis(household.programme, params);
    if (assessment.n === 0) return trace('FINANCIAL_ASSETS', 'REVIEW', NO_COUNTED_MEMBERS, basis);
    const months = financialAssetMonthsFor(household.programme, params);
    const limit = financialAssetLimitFen(months, assessment.standardFen, assessment.n);
    const assets = `financial assets ${formatYuan(assessment.financialAssetsFen)} yuan`;
    const figures = `limit ${formatYuan(limit)} yuan (${months} months × standard ${formatYuan(assessment.standardFen)} yuan × ${plural(assessment.n, 'counted member')})`;
    return BigInt(assessment.financialAssetsFen) <= limit
      ? trace('FINANCIAL_ASSETS', 'PASS', `${assets} ≤ ${figures}`, basis)
      : trace('FINANCIAL_ASSETS', 'FAIL', `${assets} > ${figures}`, basis);
  },
};
