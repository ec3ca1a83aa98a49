/*
 * The rules of SPEC 11 as pure functions: review category, due dates (clamped month arithmetic) and the proposal a
 * review makes from its recommendation. No Nest, no database: table-driven unit tests cover every branch.
 */

export const REVIEW_CATEGORIES = ['YEARLY', 'HALF_YEARLY'] as const;
export type ReviewCategory = (typeof REVIEW_CATEGORIES)[number];

export const PROPOSAL_CHANGES = ['CONTINUE', 'INCREASE', 'DECREASE', 'GRADUAL_EXIT', 'STOP'] as const;
export type ProposalChange = (typeof PROPOSAL_CHANGES)[number];

export interface Proposal {
  change: ProposalChange;
  fromFen: number;
  toFen: number;
  reasons: string[];
  /** GRADUAL_EXIT only: how many months the current amount is still paid. */
  gradualExitMonths?: number;
}

/** Months between reviews (最低生活保障审核确认办法 Art. 30; 民发〔2022〕83号). */
export function reviewIntervalMonths(category: ReviewCategory): number {
  return category === 'YEARLY' ? 12 : 6;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** `date` (YYYY-MM-DD) plus `months`, clamped to the last day of a shorter month: 08-31 + 6 months = 02-28. */
export function addMonthsClamped(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const day = Math.min(d, daysInMonth(year, month));
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** A month (YYYY-MM) plus `months`. */
export function addMonths(month: string, months: number): string {
  return addMonthsClamped(`${month}-01`, months).slice(0, 7);
}

/** SPEC 11.1: the first review is due on the first day of `since` plus 12 or 6 months. */
export function firstReviewDueOn(since: string, category: ReviewCategory): string {
  return addMonthsClamped(`${since}-01`, reviewIntervalMonths(category));
}

/** SPEC 11.1: after a closed review, its close date (China) plus 12 or 6 months. */
export function reviewDueAfterClose(closedOn: string, category: ReviewCategory): string {
  return addMonthsClamped(closedOn, reviewIntervalMonths(category));
}

/** SPEC 11.2: a review prompted by a death is due within three months of it (审核确认办法 Art. 33). */
export function deathReviewDueOn(diedOn: string): string {
  return addMonthsClamped(diedOn, 3);
}

/** SPEC 11.2 GRADUAL_EXIT: paid from the month after the decision through `fromMonth + months − 1` inclusive. */
export function gradualExitPeriod(
  decisionMonth: string,
  months: number,
): { fromMonth: string; untilMonth: string } {
  const fromMonth = addMonths(decisionMonth, 1);
  return { fromMonth, untilMonth: addMonths(fromMonth, months - 1) };
}

export interface CategoryMember {
  counted: boolean;
  age: number;
  employment: string;
  disability: { category: string; grade: number } | null;
}

/** SPEC 6.3 NO_LABOUR_CAPACITY: the disabilities that take a member out of the labour force. */
export function isQualifyingDisability(disability: CategoryMember['disability']): boolean {
  if (!disability) return false;
  const { category, grade } = disability;
  if (category === 'INTELLECTUAL' || category === 'MENTAL') return grade >= 1 && grade <= 3;
  if (category === 'PHYSICAL') return grade === 1 || grade === 2;
  if (category === 'VISUAL') return grade === 1;
  return false;
}

const LABOUR_MARKET = ['EMPLOYED', 'FLEXIBLE', 'UNEMPLOYED'];

/**
 * SPEC 11.1: TEKUN households are reviewed yearly; DIBAO and EDGE half-yearly when a counted member is of working age
 * (18–59), able-bodied and on the labour market (irregular income, 民发〔2022〕83号 §五(一)); otherwise yearly.
 */
export function reviewCategoryOf(programme: string, members: readonly CategoryMember[]): ReviewCategory {
  if (programme === 'TEKUN') return 'YEARLY';
  const ableWorker = members.some(
    (m) =>
      m.counted &&
      m.age >= 18 &&
      m.age <= 59 &&
      !isQualifyingDisability(m.disability) &&
      LABOUR_MARKET.includes(m.employment),
  );
  return ableWorker ? 'HALF_YEARLY' : 'YEARLY';
}

export interface ProposalRule {
  id: string;
  result: 'PASS' | 'FAIL' | 'REVIEW';
  detail: string;
}

export interface ProposalInput {
  outcome: 'ELIGIBLE' | 'INELIGIBLE' | 'NEEDS_REVIEW';
  rules: readonly ProposalRule[];
  /** The benefit paid now. */
  currentFen: number;
  /** The recommendation's amount (what an ELIGIBLE household would now receive). */
  newFen: number;
  thresholdFen: number;
  gradualExitMonths: number;
  /** A counted member who was not EMPLOYED at the last assessment now has a verified employment wage. */
  newEmploymentIncome: boolean;
  /** Sources whose checks ended FAILED: named among the reasons of a NEEDS_REVIEW. */
  missingSources?: readonly string[];
}

/**
 * SPEC 11.2: the proposal of a review. ELIGIBLE: CONTINUE when the change is below the threshold (Art. 31: no
 * material change, amount left as it is), else INCREASE/DECREASE. INELIGIBLE only on INCOME with new employment
 * income: GRADUAL_EXIT (渐退) at the current amount; any other INELIGIBLE: STOP. NEEDS_REVIEW: CONTINUE, with the reasons
 * a person must look at (the review then cannot close by itself).
 */
export function proposeChange(input: ProposalInput): Proposal {
  const from = input.currentFen;
  const failing = input.rules.filter((r) => r.result === 'FAIL');
  switch (input.outcome) {
    case 'ELIGIBLE': {
      const difference = input.newFen - from;
      if (difference === 0 || Math.abs(difference) < input.thresholdFen)
        return {
          change: 'CONTINUE',
          fromFen: from,
          toFen: from,
          reasons:
            difference === 0
              ? ['still eligible; the amount is unchanged']
              : [
                  `still eligible; the computed change of ${difference} fen is below the adjustment threshold of ` +
                    `${input.thresholdFen} fen, so the amount is not adjusted (Art. 31)`,
                ],
        };
      return {
        change: difference > 0 ? 'INCREASE' : 'DECREASE',
        fromFen: from,
        toFen: input.newFen,
        reasons: [`still eligible; the benefit is recomputed from ${from} to ${input.newFen} fen`],
      };
    }
    case 'INELIGIBLE': {
      const onlyIncome = failing.length === 1 && failing[0]!.id === 'INCOME';
      if (onlyIncome && input.newEmploymentIncome)
        return {
          change: 'GRADUAL_EXIT',
          fromFen: from,
          toFen: from,
          gradualExitMonths: input.gradualExitMonths,
          reasons: [
            `income over the standard because of new employment income: gradual exit (渐退) for ` +
              `${input.gradualExitMonths} month(s) at the current amount`,
            ...failing.map((r) => `${r.id}: ${r.detail}`),
          ],
        };
      return {
        change: 'STOP',
        fromFen: from,
        toFen: 0,
        reasons: failing.map((r) => `${r.id}: ${r.detail}`),
      };
    }
    case 'NEEDS_REVIEW':
      return {
        change: 'CONTINUE',
        fromFen: from,
        toFen: from,
        reasons: [
          ...input.rules
            .filter((r) => r.result === 'REVIEW' || r.result === 'FAIL')
            .map((r) => `${r.id} (${r.result}): ${r.detail}`),
          ...(input.missingSources ?? []).map((s) => `no answer from ${s}`),
        ],
      };
  }
}

/** SPEC 11.2: only an ELIGIBLE outcome proposing CONTINUE closes by itself (as UNCHANGED). */
export function closesAutomatically(outcome: ProposalInput['outcome'], proposal: Proposal): boolean {
  return outcome === 'ELIGIBLE' && proposal.change === 'CONTINUE';
}

/** SPEC 11.2: a written reason is required for a DECREASE, STOP or GRADUAL_EXIT, and for any REJECT (Art. 32). */
export function decisionNeedsReason(change: ProposalChange, decision: 'APPROVE' | 'REJECT'): boolean {
  return decision === 'REJECT' || change === 'DECREASE' || change === 'STOP' || change === 'GRADUAL_EXIT';
}

/** The month (YYYY-MM) of an instant in China time (UTC+8, no daylight saving). */
export function monthInChina(at: Date): string {
  return new Date(at.getTime() + 8 * 3600 * 1000).toISOString().slice(0, 7);
}

/** The instant a month (YYYY-MM) starts in China: 00:00 UTC+8 on its first day. */
export function monthStartInChina(month: string): Date {
  return new Date(Date.parse(`${month}-01T00:00:00+08:00`));
}

/** Whole years from a birth date (YYYY-MM-DD) to a date: the age on that day. */
export function ageAt(birthDate: string, on: string): number {
  const years = Number(on.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return on.slice(5) >= birthDate.slice(5) ? years : years - 1;
}
