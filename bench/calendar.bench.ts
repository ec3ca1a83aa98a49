/*
 * The deadline hot path (SPEC 4): every application view and create computes its deadlines on the working-day
 * calendar. Measures computeDeadlines on the in-memory calendar the api keeps (CalendarService.current()), next to a
 * raw baseline from the same run: one PostgreSQL round trip reading the stored years, which is what every view would
 * pay if the calendar were read per request instead of cached.
 *   npm run build && node dist/bench/calendar.bench.js      (DATABASE_URL as for the api; the database is migrated)
 */
import { performance } from 'node:perf_hooks';
import { Logger } from '@nestjs/common';
import { Client } from 'pg';
import { ApplicationStatus, computeDeadlines } from '@app/applications';
import { WorkingCalendar, type HolidayData } from '@app/calendar';
import { migrate } from '@app/database';

const URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/hev_bench_calendar';
const COMPUTE_ROUNDS = 200_000;
const QUERY_ROUNDS = 2_000;

interface Row {
  year: number;
  holidays: string[];
  workdays: string[];
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function main(): Promise<void> {
  // A missing year warns once per calendar instance; the figures are what matter here.
  Logger.overrideLogger(['error']);
  await migrate(URL);
  const client = new Client({ connectionString: URL });
  await client.connect();
  const read = async (): Promise<HolidayData> => {
    const { rows } = await client.query<Row>(
      'SELECT year, holidays::text[] AS holidays, workdays::text[] AS workdays FROM working_calendar_years',
    );
    return { years: Object.fromEntries(rows.map((r) => [String(r.year), r])) };
  };
  const calendar = new WorkingCalendar(await read());
  const createdDays = Array.from({ length: 365 }, (_, i) =>
    new Date(Date.UTC(2026, 0, 1 + i)).toISOString().slice(0, 10),
  );

  // Cached: the deadline computation alone, as on the view and create paths.
  for (let i = 0; i < 20_000; i++)
    computeDeadlines(
      {
        status: ApplicationStatus.VERIFYING,
        createdOn: createdDays[i % 365]!,
        notices: [],
        awaitingCountySince: null,
      },
      calendar,
    );
  const started = performance.now();
  for (let i = 0; i < COMPUTE_ROUNDS; i++)
    computeDeadlines(
      {
        status: ApplicationStatus.VERIFYING,
        createdOn: createdDays[i % 365]!,
        notices: [],
        awaitingCountySince: null,
      },
      calendar,
    );
  const perComputeUs = ((performance.now() - started) * 1000) / COMPUTE_ROUNDS;

  // A case with a public notice: notice days are skipped, so no memo; the scan itself.
  const notice = {
    startedAt: new Date('2026-03-02T02:00:00Z'),
    endsAt: new Date('2026-03-09T02:00:00Z'),
    endedAt: new Date('2026-03-09T02:00:00Z'),
  };
  const noticeStarted = performance.now();
  for (let i = 0; i < COMPUTE_ROUNDS / 10; i++)
    computeDeadlines(
      {
        status: ApplicationStatus.AWAITING_COUNTY_DECISION,
        createdOn: '2026-02-20',
        notices: [notice],
        awaitingCountySince: new Date('2026-03-09T02:00:00Z'),
      },
      calendar,
    );
  const perNoticeUs = ((performance.now() - noticeStarted) * 1000) / (COMPUTE_ROUNDS / 10);

  // Baseline: reading the stored calendar once per request.
  const latencies: number[] = [];
  for (let i = 0; i < QUERY_ROUNDS; i++) {
    const t = performance.now();
    await read();
    latencies.push((performance.now() - t) * 1000);
  }
  latencies.sort((a, b) => a - b);
  await client.end();

  const lines = [
    `computeDeadlines on the cached calendar: ${perComputeUs.toFixed(1)} µs per call (${COMPUTE_ROUNDS} calls)`,
    `computeDeadlines with a public notice (days skipped, no memo): ${perNoticeUs.toFixed(1)} µs per call`,
    `baseline, one read of working_calendar_years: p50 ${percentile(latencies, 50).toFixed(0)} µs, ` +
      `p99 ${percentile(latencies, 99).toFixed(0)} µs (${QUERY_ROUNDS} reads)`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
