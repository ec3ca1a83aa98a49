import { enterpriseBasis } from '../legal-basis';
import { formatYuan } from '../money';
import { ALL_PROGRAMMES, trace, type EligibilityRule } from './eligibility-rule';

/**
 * FAIL when a counted member is legal representative or shareholder of an ACTIVE ENTERPRISE whose registered
 * capital reaches the local limit (≥). Individual businesses (个体工商户) and revoked registrations do not count:
 * their income is business income, tested by INCOME.
 */
export const enterpriseRule: EligibilityRule = {
  id: 'ENTERPRISE',
  programmes: ALL_PROGRAMMES,
  evaluate({ household, params, counted }) {
    const limit = params.enterpriseCapitalLimitFen;
    const holdings = counted.flatMap(({ member, facts }) =>
      (facts?.businesses ?? [])
        .filter((b) => b.kind === 'ENTERPRISE' && b.status === 'ACTIVE' && b.registeredCapitalFen >= limit)
        .map(
          (b) =>
            `member ${member.memberId} is ${b.role} of an active enterprise with registered capital ${formatYuan(b.registeredCapitalFen)} yuan`,
        ),
    );
    const basis = enterpriseBasis(household.programme, params);
    return holdings.length === 0
      ? trace(
          'ENTERPRISE',
          'PASS',
          `no counted member is legal representative or shareholder of an active enterprise with registered capital ≥ ${formatYuan(limit)} yuan`,
          basis,
        )
      : trace('ENTERPRISE', 'FAIL', `${holdings.join('; ')} (limit ${formatYuan(limit)} yuan)`, basis);
  },
};
