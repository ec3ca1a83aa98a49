import type { WorkingCalendar } from '@app/calendar';
import { todayInChina } from '@app/common';
import { ApplicationStatus, isTerminal } from './application-status';

/** SPEC 4: the decision is due 30 working days after creation, public-notice days not counted. */
export const DECISION_WORKING_DAYS = 30;
/** SPEC 4: the county decides within 10 working days of the case reaching AWAITING_COUNTY_DECISION. */
export const COUNTY_DECISION_WORKING_DAYS = 10;

export interface Deadlines {
  decisionDueOn: string;
  /** While (or once) the case awaits the county: 10 working days after it last got there. */
  countyDecisionDueOn: string | null;
  /** Past either date while the case is still open. */
  overdue: boolean;
  /**
   * A deadline was counted across a year with no official calendar, on weekends alone (SPEC 4): it may fall on a
   * holiday, or too early, until an administrator loads that year.
   */
  calendarMissing: boolean;
}

export interface NoticePeriod {
  startedAt: Date;
  endsAt: Date;
  endedAt: Date | null;
}

export interface DeadlineInput {
  status: ApplicationStatus;
  createdOn: string;
  notices: readonly NoticePeriod[];
  /** When the case last reached AWAITING_COUNTY_DECISION (null if never). */
  awaitingCountySince: Date | null;
  today?: string;
}

const DAY_MS = 24 * 3600 * 1000;

/**
 * The calendar days (China) a notice covers: from the day after it started to the day it ended (or will end), so a
 * 7-day notice takes 7 days off the clock however the hours fall.
 */
export function noticeDays(notices: readonly NoticePeriod[]): Set<string> {
  const days = new Set<string>();
  for (const notice of notices) {
    const first = todayInChina(notice.startedAt);
    const last = todayInChina(notice.endedAt ?? notice.endsAt);
    for (let day = Date.parse(`${first}T00:00:00Z`) + DAY_MS; ; day += DAY_MS) {
      const date = new Date(day).toISOString().slice(0, 10);
      if (date > last) break;
      days.add(date);
    }
  }
  return days;
}

const COUNTY_PHASE: readonly ApplicationStatus[] = [
  ApplicationStatus.AWAITING_COUNTY_DECISION,
  ApplicationStatus.APPROVED,
  ApplicationStatus.REJECTED,
];

export function computeDeadlines(input: DeadlineInput, calendar: WorkingCalendar): Deadlines {
  const today = input.today ?? todayInChina();
  const skipped = noticeDays(input.notices);
  // Without notice days the calendar answers from its memo: the create path's common case.
  const decisionDueOn = calendar.addWorkingDays(
    input.createdOn,
    DECISION_WORKING_DAYS,
    skipped.size > 0 ? { skip: (date) => skipped.has(date) } : {},
  );
  const countyDecisionDueOn =
    input.awaitingCountySince && COUNTY_PHASE.includes(input.status)
      ? calendar.addWorkingDays(todayInChina(input.awaitingCountySince), COUNTY_DECISION_WORKING_DAYS)
      : null;
  const open = !isTerminal(input.status);
  const overdue =
    open &&
    (today > decisionDueOn ||
      (input.status === ApplicationStatus.AWAITING_COUNTY_DECISION &&
        countyDecisionDueOn !== null &&
        today > countyDecisionDueOn));
  const calendarMissing =
    !calendar.covers(input.createdOn, decisionDueOn) ||
    (countyDecisionDueOn !== null &&
      !calendar.covers(todayInChina(input.awaitingCountySince!), countyDecisionDueOn));
  return { decisionDueOn, countyDecisionDueOn, overdue, calendarMissing };
}

/** SPEC 4: an approval takes effect in the month after the decision, in China (`2026-12`). */
export function effectiveMonthOf(decidedAt: Date): string {
  const [year, month] = todayInChina(decidedAt).split('-').map(Number) as [number, number];
  return month === 12 ? `${year + 1}-01` : `${year}-${String(month + 1).padStart(2, '0')}`;
}
