import { type Provider } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import { makeGaugeProvider } from '@willsoto/nestjs-prometheus';
import { type Gauge } from 'prom-client';
import { type DataSource } from 'typeorm';
import {
  ApplicationStatus,
  computeDeadlines,
  isTerminal,
  NoticeEndReason,
  ReviewOpinion,
  VerificationRunStatus,
} from '@app/applications';
import { defaultCalendar, type WorkingCalendar } from '@app/calendar';

/*
 * Gauges the alert rules of deploy/prometheus/hev-alerts.yml need and no other part of the platform exports. Read from
 * PostgreSQL at scrape time, so every worker reports the same figures whichever jobs it happens to run.
 */

export const OLDEST_PENDING_CHECK_METRIC = 'hev_verification_oldest_pending_check_seconds';
export const OVERDUE_APPLICATIONS_METRIC = 'hev_applications_overdue';

/** Age of the oldest run still RUNNING, i.e. with a check not yet final; reads the partial index of running runs. */
export async function readOldestPendingCheckSeconds(dataSource: DataSource): Promise<number> {
  const rows = await dataSource.query<{ age: number }[]>(
    `SELECT coalesce(extract(epoch FROM clock_timestamp() - min(started_at)), 0)::float8 AS age
       FROM verification_runs WHERE status = $1`,
    [VerificationRunStatus.RUNNING],
  );
  return Math.max(0, rows[0]?.age ?? 0);
}

interface OpenCaseRow {
  county_code: string;
  status: ApplicationStatus;
  created_on: string;
  notices: { startedAt: string; endsAt: string; endedAt: string | null }[];
  awaiting_since: Date | null;
}

/** Open applications past a deadline of SPEC 4 (the same computation as the view's `deadlines.overdue`), by county. */
export async function readOverdueByCounty(
  dataSource: DataSource,
  calendar: WorkingCalendar,
  today?: string,
): Promise<Map<string, number>> {
  const rows = await dataSource.query<OpenCaseRow[]>(
    `SELECT a.county_code, a.status, a.created_on::text AS created_on,
            coalesce((SELECT json_agg(json_build_object('startedAt', n.started_at, 'endsAt', n.ends_at,
                                                        'endedAt', n.ended_at))
                        FROM public_notices n WHERE n.application_id = a.id), '[]'::json) AS notices,
            greatest(
              (SELECT max(r.reviewed_at) FROM township_reviews r
                WHERE r.application_id = a.id AND r.opinion = $1),
              (SELECT max(n.ended_at) FROM public_notices n
                WHERE n.application_id = a.id AND n.end_reason = $2)
            ) AS awaiting_since
       FROM applications a
      WHERE a.status <> ALL($3::text[])`,
    [
      ReviewOpinion.RECOMMEND_REJECT,
      NoticeEndReason.EXPIRED,
      Object.values(ApplicationStatus).filter(isTerminal),
    ],
  );
  const overdue = new Map<string, number>();
  for (const row of rows) {
    const deadlines = computeDeadlines(
      {
        status: row.status,
        createdOn: row.created_on,
        notices: row.notices.map((n) => ({
          startedAt: new Date(n.startedAt),
          endsAt: new Date(n.endsAt),
          endedAt: n.endedAt ? new Date(n.endedAt) : null,
        })),
        awaitingCountySince: row.awaiting_since,
        ...(today === undefined ? {} : { today }),
      },
      calendar,
    );
    overdue.set(row.county_code, (overdue.get(row.county_code) ?? 0) + (deadlines.overdue ? 1 : 0));
  }
  return overdue;
}

/** The overdue count walks every open case: a scrape reuses a figure younger than this. */
const OVERDUE_CACHE_MS = 30_000;

export const operationsMetricProviders: Provider[] = [
  makeGaugeProvider({
    name: OLDEST_PENDING_CHECK_METRIC,
    help: 'Age in seconds of the oldest verification run that still has a PENDING check (0 when none)',
    inject: [getDataSourceToken()],
    async collect(this: Gauge<string>, dataSource: DataSource) {
      // A failed read keeps the last value rather than failing the whole scrape.
      const age = await readOldestPendingCheckSeconds(dataSource).catch(() => undefined);
      if (age !== undefined) this.set(age);
    },
  }),
  (() => {
    let readAt = 0;
    return makeGaugeProvider({
      name: OVERDUE_APPLICATIONS_METRIC,
      help: 'Open applications past their decision or county-decision deadline (SPEC 4), by county',
      labelNames: ['county'],
      inject: [getDataSourceToken()],
      async collect(this: Gauge<string>, dataSource: DataSource) {
        if (Date.now() - readAt < OVERDUE_CACHE_MS) return;
        const byCounty = await readOverdueByCounty(dataSource, defaultCalendar()).catch(() => undefined);
        if (byCounty === undefined) return;
        readAt = Date.now();
        this.reset();
        for (const [county, count] of byCounty) this.set({ county }, count);
      },
    });
  })(),
];
