import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AreaScope, Role, type AuthUser } from '@app/access';
import {
  ApplicationStatus,
  computeDeadlines,
  isTerminal,
  ReviewOpinion,
  NoticeEndReason,
  DecisionKind,
} from '@app/applications';
import { AreaLevel, areaLevelOf, AreasService, scopePrefix } from '@app/areas';
import { CalendarService } from '@app/calendar';
import { DomainError } from '@app/common';

/** SPEC 9: "decided in the last 30 days". */
export const WORKLOAD_WINDOW_DAYS = 30;

export const OPEN_STATUSES = Object.values(ApplicationStatus).filter((s) => !isTerminal(s));
export type OpenStatus = (typeof OPEN_STATUSES)[number];

export interface TownshipWorkload {
  townshipCode: string;
  name: string;
  /** Open cases by status (every non-terminal status, zeros included). */
  open: Record<string, number>;
  openTotal: number;
  /** Final decisions (APPROVE or REJECT) in the window; RETURN sends a case back and is not counted. */
  decidedLast30Days: number;
  /** Median calendar days from creation to final decision over those cases (one decimal), null when none. */
  medianDaysToDecision: number | null;
  /** Open cases past a deadline of SPEC 4. */
  overdue: number;
  /** Users bound to the township (the 2014 opinion asks for 1–2 verification staff per station). */
  staff: { stationOperators: number; townshipReviewers: number; total: number };
  /** No station operator: the station cannot take applications. */
  understaffed: boolean;
  /** SPEC 11.4: beneficiary households by status (every status, zeros included). */
  beneficiaries: Record<string, number>;
  /** SPEC 11.4: reviews open, and of those past `reviewDueOn` or the county's 10 working days. */
  reviews: { open: number; overdue: number };
}

/** SPEC 11.1 beneficiary statuses, as the report counts them. */
export const BENEFICIARY_STATUSES = ['ACTIVE', 'UNDER_REVIEW', 'GRADUAL_EXIT', 'STOPPED'] as const;
/** SPEC 11.2: the county decides a review within 10 working days. */
const REVIEW_DECISION_WORKING_DAYS = 10;

export interface WorkloadReport {
  areaCode: string;
  generatedAt: string;
  windowDays: number;
  townships: TownshipWorkload[];
  totals: {
    open: Record<string, number>;
    openTotal: number;
    decidedLast30Days: number;
    medianDaysToDecision: number | null;
    overdue: number;
    staff: number;
    beneficiaries: Record<string, number>;
    reviews: { open: number; overdue: number };
  };
}

interface OpenCaseRow {
  township_code: string;
  status: ApplicationStatus;
  created_on: string;
  notices: { startedAt: string; endsAt: string; endedAt: string | null }[];
  awaiting_since: Date | null;
}

/** `GET /api/v1/reports/workload` (SPEC 9): per township of the caller's scope. A read model over several tables. */
@Injectable()
export class WorkloadReportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly areas: AreasService,
    private readonly scope: AreaScope,
    private readonly calendars: CalendarService,
  ) {}

  async workload(actor: AuthUser, areaCode?: string, ip?: string | null): Promise<WorkloadReport> {
    if (!actor.roles.some((r) => r === Role.CITY_SUPERVISOR || r === Role.COUNTY_APPROVER))
      throw DomainError.forbidden();
    const code = areaCode ?? actor.areaCode;
    const level = areaLevelOf(code);
    if (level === null || level === AreaLevel.VILLAGE)
      throw DomainError.validation([
        { path: 'areaCode', message: 'areaCode must be a city, county or township code' },
      ]);
    const area = await this.areas.findByCode(code);
    await this.scope.require(actor, area?.code, 'Area', ip);

    const townships =
      level === AreaLevel.TOWNSHIP
        ? [{ code, name: area!.name }]
        : (await this.areas.listDescendants(code, AreaLevel.TOWNSHIP)).map((a) => ({
            code: a.code,
            name: a.name,
          }));
    const like = level === AreaLevel.TOWNSHIP ? code : `${scopePrefix(code)}%`;
    const [openCases, decided, decisionDays, staff, beneficiaries, openReviews] = await Promise.all([
      this.openCases(like),
      this.decidedCounts(like),
      this.decisionDays(like),
      this.staff(like),
      this.beneficiaryCounts(like),
      this.openReviews(like),
    ]);

    const today = new Date();
    const rows = new Map<string, TownshipWorkload>(
      townships.map((t) => [
        t.code,
        {
          townshipCode: t.code,
          name: t.name,
          open: Object.fromEntries(OPEN_STATUSES.map((s) => [s, 0])),
          openTotal: 0,
          decidedLast30Days: 0,
          medianDaysToDecision: null,
          overdue: 0,
          staff: { stationOperators: 0, townshipReviewers: 0, total: 0 },
          understaffed: true,
          beneficiaries: Object.fromEntries(BENEFICIARY_STATUSES.map((s) => [s, 0])),
          reviews: { open: 0, overdue: 0 },
        },
      ]),
    );
    const calendar = this.calendars.current();
    for (const c of openCases) {
      const row = rows.get(c.township_code);
      if (!row) continue;
      row.open[c.status] = (row.open[c.status] ?? 0) + 1;
      row.openTotal++;
      const deadlines = computeDeadlines(
        {
          status: c.status,
          createdOn: c.created_on,
          notices: c.notices.map((n) => ({
            startedAt: new Date(n.startedAt),
            endsAt: new Date(n.endsAt),
            endedAt: n.endedAt ? new Date(n.endedAt) : null,
          })),
          awaitingCountySince: c.awaiting_since,
        },
        calendar,
      );
      if (deadlines.overdue) row.overdue++;
    }
    for (const [township, count] of decided) {
      const row = rows.get(township);
      if (row) row.decidedLast30Days = count;
    }
    for (const [township, days] of decisionDays) {
      const row = rows.get(township);
      if (row) row.medianDaysToDecision = median(days);
    }
    for (const s of staff) {
      const row = rows.get(s.area_code);
      if (!row) continue;
      row.staff = { stationOperators: s.operators, townshipReviewers: s.reviewers, total: s.total };
      row.understaffed = s.operators === 0;
    }

    for (const b of beneficiaries) {
      const row = rows.get(b.township_code);
      if (row) row.beneficiaries[b.status] = b.n;
    }
    const todayInChinaDate = new Date(today.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
    for (const r of openReviews) {
      const row = rows.get(r.township_code);
      if (!row) continue;
      row.reviews.open++;
      const decisionDue = r.awaiting_since
        ? calendar.addWorkingDays(
            new Date(r.awaiting_since.getTime() + 8 * 3600_000).toISOString().slice(0, 10),
            REVIEW_DECISION_WORKING_DAYS,
          )
        : null;
      if (
        todayInChinaDate > r.due_on ||
        (r.status === 'AWAITING_COUNTY_DECISION' && decisionDue && todayInChinaDate > decisionDue)
      )
        row.reviews.overdue++;
    }

    const list = [...rows.values()];
    const totalsOpen = Object.fromEntries(
      OPEN_STATUSES.map((s) => [s, list.reduce((sum, r) => sum + (r.open[s] ?? 0), 0)]),
    );
    return {
      areaCode: code,
      generatedAt: today.toISOString(),
      windowDays: WORKLOAD_WINDOW_DAYS,
      townships: list,
      totals: {
        open: totalsOpen,
        openTotal: list.reduce((sum, r) => sum + r.openTotal, 0),
        decidedLast30Days: list.reduce((sum, r) => sum + r.decidedLast30Days, 0),
        medianDaysToDecision: median([...decisionDays.values()].flat()),
        overdue: list.reduce((sum, r) => sum + r.overdue, 0),
        staff: list.reduce((sum, r) => sum + r.staff.total, 0),
        beneficiaries: Object.fromEntries(
          BENEFICIARY_STATUSES.map((s) => [s, list.reduce((sum, r) => sum + (r.beneficiaries[s] ?? 0), 0)]),
        ),
        reviews: {
          open: list.reduce((sum, r) => sum + r.reviews.open, 0),
          overdue: list.reduce((sum, r) => sum + r.reviews.overdue, 0),
        },
      },
    };
  }

  private openCases(like: string): Promise<OpenCaseRow[]> {
    return this.dataSource.query<OpenCaseRow[]>(
      `SELECT a.township_code, a.status, a.created_on::text AS created_on,
              coalesce((SELECT json_agg(json_build_object('startedAt', n.started_at, 'endsAt', n.ends_at,
                                                          'endedAt', n.ended_at))
                          FROM public_notices n WHERE n.application_id = a.id), '[]'::json) AS notices,
              greatest(
                (SELECT max(r.reviewed_at) FROM township_reviews r
                  WHERE r.application_id = a.id AND r.opinion = $2),
                (SELECT max(n.ended_at) FROM public_notices n
                  WHERE n.application_id = a.id AND n.end_reason = $3)
              ) AS awaiting_since
         FROM applications a
        WHERE a.township_code LIKE $1 AND a.status <> ALL($4::text[])`,
      [
        like,
        ReviewOpinion.RECOMMEND_REJECT,
        NoticeEndReason.EXPIRED,
        Object.values(ApplicationStatus).filter(isTerminal),
      ],
    );
  }

  /** Beneficiary households per township and status (SPEC 11.4). */
  private beneficiaryCounts(like: string): Promise<{ township_code: string; status: string; n: number }[]> {
    return this.dataSource.query(
      `SELECT township_code, status, count(*)::int AS n FROM beneficiaries WHERE township_code LIKE $1
        GROUP BY township_code, status`,
      [like],
    );
  }

  /** Open reviews with their deadlines' inputs (SPEC 11.2). */
  private openReviews(
    like: string,
  ): Promise<{ township_code: string; status: string; due_on: string; awaiting_since: Date | null }[]> {
    return this.dataSource.query(
      `SELECT township_code, status, to_char(review_due_on, 'YYYY-MM-DD') AS due_on,
              awaiting_decision_since AS awaiting_since
         FROM reviews WHERE township_code LIKE $1 AND status <> 'CLOSED'`,
      [like],
    );
  }

  /** Applications finally decided in the window, per township (an application counts once). */
  private async decidedCounts(like: string): Promise<Map<string, number>> {
    const rows = await this.dataSource.query<{ township_code: string; decided: number }[]>(
      `SELECT a.township_code, count(DISTINCT a.id)::int AS decided
         FROM county_decisions d JOIN applications a ON a.id = d.application_id
        WHERE a.township_code LIKE $1 AND d.decision = ANY($2::text[])
          AND d.decided_at >= now() - make_interval(days => $3)
        GROUP BY a.township_code`,
      [like, [DecisionKind.APPROVE, DecisionKind.REJECT], WORKLOAD_WINDOW_DAYS],
    );
    return new Map(rows.map((r) => [r.township_code, r.decided]));
  }

  /** Days from creation to final decision of the cases decided in the window. */
  private async decisionDays(like: string): Promise<Map<string, number[]>> {
    const rows = await this.dataSource.query<{ township_code: string; days: number }[]>(
      `SELECT a.township_code, extract(epoch FROM d.decided_at - a.created_at)::float8 / 86400 AS days
         FROM county_decisions d JOIN applications a ON a.id = d.application_id
        WHERE a.township_code LIKE $1 AND d.decision = ANY($2::text[])
          AND d.decided_at >= now() - make_interval(days => $3)`,
      [like, [DecisionKind.APPROVE, DecisionKind.REJECT], WORKLOAD_WINDOW_DAYS],
    );
    const byTownship = new Map<string, number[]>();
    for (const r of rows)
      byTownship.set(r.township_code, [...(byTownship.get(r.township_code) ?? []), r.days]);
    return byTownship;
  }

  private staff(
    like: string,
  ): Promise<{ area_code: string; operators: number; reviewers: number; total: number }[]> {
    return this.dataSource.query(
      `SELECT area_code,
              count(*) FILTER (WHERE $2 = ANY(roles))::int AS operators,
              count(*) FILTER (WHERE $3 = ANY(roles))::int AS reviewers,
              count(*) FILTER (WHERE roles && ARRAY[$2, $3]::text[])::int AS total
         FROM users WHERE area_code LIKE $1 AND length(area_code) = 9
        GROUP BY area_code`,
      [like, Role.STATION_OPERATOR, Role.TOWNSHIP_REVIEWER],
    );
  }
}

/** Median rounded to one decimal; null for no values. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const value = sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return Math.round(value * 10) / 10;
}
