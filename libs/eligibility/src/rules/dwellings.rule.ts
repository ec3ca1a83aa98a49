import { dwellingsBasis } from '../legal-basis';
import { ALL_PROGRAMMES, plural, trace, type EligibilityRule } from './eligibility-rule';

/** At most maxDwellings dwellings: the family home is property needed for living (《最低生活保障审核确认办法》第十四条). */
export const dwellingsRule: EligibilityRule = {
  id: 'DWELLINGS',
  programmes: ALL_PROGRAMMES,
  evaluate({ household, params, assessment }) {
    const pass = assessment.dwellings <= params.maxDwellings;
    const detail = `${plural(assessment.dwellings, 'dwelling')} (declared ${assessment.declaredDwellings}, registered ${assessment.verifiedDwellings} distinct certificates) ${pass ? '≤' : '>'} limit ${params.maxDwellings}`;
    return trace('DWELLINGS', pass ? 'PASS' : 'FAIL', detail, dwellingsBasis(household.programme, params));
  },
};
