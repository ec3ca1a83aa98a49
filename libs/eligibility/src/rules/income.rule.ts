import { incomeBasis } from '../legal-basis';
import { incomeLimit } from '../limits';
import { formatYuan } from '../money';
import { ALL_PROGRAMMES, NO_COUNTED_MEMBERS, plural, trace, type EligibilityRule } from './eligibility-rule';

/** Per-capita income strictly below the limit; equal fails, since the texts say 低于 (《社会救助暂行办法》第九条). */
export const incomeRule: EligibilityRule = {
  id: 'INCOME',
  programmes: ALL_PROGRAMMES,
  evaluate({ household, params, assessment }) {
    const basis = incomeBasis(household.programme, params);
    if (assessment.n === 0) return trace('INCOME', 'REVIEW', NO_COUNTED_MEMBERS, basis);
    const limit = incomeLimit(household.programme, params, assessment.standardFen);
    const perCapita = `per-capita income ${formatYuan(assessment.perCapitaFen)} yuan`;
    const figures = `(household income ${formatYuan(assessment.householdIncomeFen)} yuan ÷ ${plural(assessment.n, 'counted member')}, rounded down)`;
    return assessment.perCapitaFen < limit.fen
      ? trace('INCOME', 'PASS', `${perCapita} < ${limit.label} ${figures}`, basis)
      : trace('INCOME', 'FAIL', `${perCapita} ≥ ${limit.label} ${figures}`, basis);
  },
};
