import {
  addMonthsClamped,
  closesAutomatically,
  deathReviewDueOn,
  decisionNeedsReason,
  firstReviewDueOn,
  gradualExitPeriod,
  monthInChina,
  monthStartInChina,
  proposeChange,
  reviewCategoryOf,
  reviewDueAfterClose,
  type CategoryMember,
  type ProposalInput,
  type ProposalRule,
} from './review-rules';

const pass = (id: string): ProposalRule => ({ id, result: 'PASS', detail: 'ok' });
const fail = (id: string): ProposalRule => ({ id, result: 'FAIL', detail: `${id} failed` });
const review = (id: string): ProposalRule => ({ id, result: 'REVIEW', detail: `${id} needs a look` });

function input(overrides: Partial<ProposalInput>): ProposalInput {
  return {
    outcome: 'ELIGIBLE',
    rules: [pass('INCOME'), pass('FINANCIAL_ASSETS')],
    currentFen: 50_000,
    newFen: 50_000,
    thresholdFen: 2_000,
    gradualExitMonths: 6,
    newEmploymentIncome: false,
    ...overrides,
  };
}

describe('proposeChange (SPEC 11.2)', () => {
  it.each([
    ['no change at all', 50_000, 'CONTINUE', 50_000],
    ['1 fen under the threshold upwards', 51_999, 'CONTINUE', 50_000],
    ['1 fen under the threshold downwards', 48_001, 'CONTINUE', 50_000],
    ['exactly the threshold upwards', 52_000, 'INCREASE', 52_000],
    ['exactly the threshold downwards', 48_000, 'DECREASE', 48_000],
    ['well above', 80_000, 'INCREASE', 80_000],
    ['down to nothing', 0, 'DECREASE', 0],
  ])('ELIGIBLE, %s', (_label, newFen, change, toFen) => {
    const proposal = proposeChange(input({ newFen }));
    expect(proposal).toMatchObject({ change, fromFen: 50_000, toFen });
    expect(proposal.reasons.length).toBeGreaterThan(0);
  });

  it('a threshold of 0 adjusts any change, and leaves an equal amount alone', () => {
    expect(proposeChange(input({ thresholdFen: 0, newFen: 50_001 })).change).toBe('INCREASE');
    expect(proposeChange(input({ thresholdFen: 0, newFen: 50_000 })).change).toBe('CONTINUE');
  });

  it.each([
    [
      'only INCOME fails with new employment income',
      [fail('INCOME'), pass('VEHICLES')],
      true,
      'GRADUAL_EXIT',
    ],
    ['only INCOME fails, no new employment income', [fail('INCOME'), pass('VEHICLES')], false, 'STOP'],
    ['INCOME and VEHICLES fail with new employment income', [fail('INCOME'), fail('VEHICLES')], true, 'STOP'],
    ['VEHICLES fails with new employment income', [pass('INCOME'), fail('VEHICLES')], true, 'STOP'],
  ] as const)('INELIGIBLE, %s → %s', (_label, rules, newEmploymentIncome, change) => {
    const proposal = proposeChange(input({ outcome: 'INELIGIBLE', rules, newEmploymentIncome, newFen: 0 }));
    expect(proposal.change).toBe(change);
    if (change === 'GRADUAL_EXIT') {
      // The current amount goes on during the exit.
      expect(proposal).toMatchObject({ fromFen: 50_000, toFen: 50_000, gradualExitMonths: 6 });
    } else {
      expect(proposal).toMatchObject({ fromFen: 50_000, toFen: 0 });
    }
    expect(proposal.reasons.join('\n')).toMatch(/failed/);
  });

  it('NEEDS_REVIEW → CONTINUE at the current amount, naming what needs a look, and never closes by itself', () => {
    const proposal = proposeChange(
      input({
        outcome: 'NEEDS_REVIEW',
        rules: [pass('INCOME'), review('PUBLIC_PAYROLL'), review('DATA_COMPLETE')],
        newFen: 0,
        missingSources: ['BANKING'],
      }),
    );
    expect(proposal).toMatchObject({ change: 'CONTINUE', fromFen: 50_000, toFen: 50_000 });
    expect(proposal.reasons).toEqual([
      'PUBLIC_PAYROLL (REVIEW): PUBLIC_PAYROLL needs a look',
      'DATA_COMPLETE (REVIEW): DATA_COMPLETE needs a look',
      'no answer from BANKING',
    ]);
    expect(closesAutomatically('NEEDS_REVIEW', proposal)).toBe(false);
    expect(closesAutomatically('ELIGIBLE', proposeChange(input({ newFen: 50_500 })))).toBe(true);
    expect(closesAutomatically('ELIGIBLE', proposeChange(input({ newFen: 60_000 })))).toBe(false);
  });

  it.each([
    ['CONTINUE', 'APPROVE', false],
    ['INCREASE', 'APPROVE', false],
    ['DECREASE', 'APPROVE', true],
    ['STOP', 'APPROVE', true],
    ['GRADUAL_EXIT', 'APPROVE', true],
    ['INCREASE', 'REJECT', true],
  ] as const)('a %s %s needs a written reason: %s', (change, decision, needed) => {
    expect(decisionNeedsReason(change, decision)).toBe(needed);
  });
});

const adult = (overrides: Partial<CategoryMember> = {}): CategoryMember => ({
  counted: true,
  age: 40,
  employment: 'UNEMPLOYED',
  disability: null,
  ...overrides,
});

describe('reviewCategoryOf (SPEC 11.1)', () => {
  it.each([
    ['TEKUN, whatever the members', 'TEKUN', [adult({ employment: 'EMPLOYED' })], 'YEARLY'],
    ['DIBAO with an unemployed adult of 40', 'DIBAO', [adult()], 'HALF_YEARLY'],
    ['EDGE with a flexible worker', 'EDGE', [adult({ employment: 'FLEXIBLE' })], 'HALF_YEARLY'],
    [
      'DIBAO with an employed 18-year-old',
      'DIBAO',
      [adult({ age: 18, employment: 'EMPLOYED' })],
      'HALF_YEARLY',
    ],
    ['DIBAO with an unemployed 59-year-old', 'DIBAO', [adult({ age: 59 })], 'HALF_YEARLY'],
    ['DIBAO with a 60-year-old', 'DIBAO', [adult({ age: 60 })], 'YEARLY'],
    ['DIBAO with a 17-year-old', 'DIBAO', [adult({ age: 17 })], 'YEARLY'],
    ['DIBAO with a retired adult', 'DIBAO', [adult({ employment: 'RETIRED' })], 'YEARLY'],
    ['DIBAO with a student', 'DIBAO', [adult({ employment: 'STUDENT' })], 'YEARLY'],
    ['DIBAO with a not counted worker', 'DIBAO', [adult({ counted: false })], 'YEARLY'],
    [
      'DIBAO with a worker of PHYSICAL grade 2',
      'DIBAO',
      [adult({ disability: { category: 'PHYSICAL', grade: 2 } })],
      'YEARLY',
    ],
    [
      'DIBAO with a worker of PHYSICAL grade 3 (not qualifying)',
      'DIBAO',
      [adult({ disability: { category: 'PHYSICAL', grade: 3 } })],
      'HALF_YEARLY',
    ],
    [
      'DIBAO with a worker of MENTAL grade 3',
      'DIBAO',
      [adult({ disability: { category: 'MENTAL', grade: 3 } })],
      'YEARLY',
    ],
    [
      'DIBAO with a worker of VISUAL grade 2 (not qualifying)',
      'DIBAO',
      [adult({ disability: { category: 'VISUAL', grade: 2 } })],
      'HALF_YEARLY',
    ],
    ['DIBAO, a child and a pensioner', 'DIBAO', [adult({ age: 10 }), adult({ age: 70 })], 'YEARLY'],
  ] as const)('%s → %s', (_label, programme, members, category) => {
    expect(reviewCategoryOf(programme, members)).toBe(category);
  });
});

describe('due dates (SPEC 11.1, 11.2): month arithmetic clamped to shorter months', () => {
  it.each([
    ['2026-08-31', 6, '2027-02-28'],
    ['2027-08-31', 6, '2028-02-29'],
    ['2028-02-29', 12, '2029-02-28'],
    ['2024-02-29', 48, '2028-02-29'],
    ['2026-01-31', 1, '2026-02-28'],
    ['2026-03-31', 1, '2026-04-30'],
    ['2026-12-15', 1, '2027-01-15'],
    ['2026-11-30', 3, '2027-02-28'],
    ['2026-05-01', 0, '2026-05-01'],
    ['2026-12-31', 12, '2027-12-31'],
  ])('%s + %i months = %s', (date, months, expected) => {
    expect(addMonthsClamped(date, months)).toBe(expected);
  });

  it('first review: the first day of `since` plus 12 or 6 months', () => {
    expect(firstReviewDueOn('2026-12', 'YEARLY')).toBe('2027-12-01');
    expect(firstReviewDueOn('2026-12', 'HALF_YEARLY')).toBe('2027-06-01');
    expect(firstReviewDueOn('2026-08', 'HALF_YEARLY')).toBe('2027-02-01');
  });

  it('after a review: its close date plus 12 or 6 months, clamped', () => {
    expect(reviewDueAfterClose('2026-08-31', 'HALF_YEARLY')).toBe('2027-02-28');
    expect(reviewDueAfterClose('2027-08-31', 'HALF_YEARLY')).toBe('2028-02-29');
    expect(reviewDueAfterClose('2028-02-29', 'YEARLY')).toBe('2029-02-28');
  });

  it('a death is reviewed within three months', () => {
    expect(deathReviewDueOn('2026-11-30')).toBe('2027-02-28');
    expect(deathReviewDueOn('2027-11-30')).toBe('2028-02-29');
    expect(deathReviewDueOn('2026-12-05')).toBe('2027-03-05');
  });

  it('a gradual exit is paid from the month after the decision, months inclusive', () => {
    expect(gradualExitPeriod('2026-12', 6)).toEqual({ fromMonth: '2027-01', untilMonth: '2027-06' });
    expect(gradualExitPeriod('2026-08', 6)).toEqual({ fromMonth: '2026-09', untilMonth: '2027-02' });
    expect(gradualExitPeriod('2026-11', 1)).toEqual({ fromMonth: '2026-12', untilMonth: '2026-12' });
  });

  it('months in China time (UTC+8)', () => {
    expect(monthInChina(new Date('2026-11-30T15:59:59Z'))).toBe('2026-11');
    expect(monthInChina(new Date('2026-11-30T16:00:00Z'))).toBe('2026-12');
    expect(monthStartInChina('2027-07').toISOString()).toBe('2027-06-30T16:00:00.000Z');
  });
});
