import { PUBLIC_PAYROLL_BASIS } from '../legal-basis';
import { ALL_PROGRAMMES, trace, type EligibilityRule } from './eligibility-rule';

/** REVIEW, never FAIL: status alone may not decide a case (2022 notice 一(一)); the county checks the wage. */
export const publicPayrollRule: EligibilityRule = {
  id: 'PUBLIC_PAYROLL',
  programmes: ALL_PROGRAMMES,
  evaluate({ counted }) {
    const onPayroll = counted
      .filter(({ facts }) => facts?.publicPayroll === true)
      .map(({ member }) => member.memberId);
    return onPayroll.length === 0
      ? trace('PUBLIC_PAYROLL', 'PASS', 'no counted member is on public-sector payroll', PUBLIC_PAYROLL_BASIS)
      : trace(
          'PUBLIC_PAYROLL',
          'REVIEW',
          `on public-sector payroll (财政供养): member ${onPayroll.join(', member ')}; the county must review the household's wage income`,
          PUBLIC_PAYROLL_BASIS,
        );
  },
};
