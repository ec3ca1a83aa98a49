import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { SOURCE_CODES, type SourceCode } from '@app/eligibility';
import { type CircuitStateName } from '../persistence/source-circuit-state.entity';
import { CIRCUIT_HEARTBEAT_MS } from './source-stats.recorder';

/** Workers that have not confirmed their circuit states for this long are left out of the report. */
const LIVE_WORKER_MS = CIRCUIT_HEARTBEAT_MS * 3;

export type ReportedCircuitState = CircuitStateName | 'UNKNOWN';

export interface SourceReportRow {
  source: SourceCode;
  /** Calls that reached the department (one per household batch). */
  calls: number;
  /** Of those, the ones that failed (timeout, 5xx, refused, malformed). */
  failures: number;
  /** Calls the open circuit refused without sending them. */
  shortCircuited: number;
  /** Over calls that reached the department; null without any. */
  latencyMs: { p50: number | null; p95: number | null };
  /** The worst state among live workers (OPEN > HALF_OPEN > CLOSED); UNKNOWN when no worker reports. */
  circuit: ReportedCircuitState;
  /** How many live workers report each state. */
  workers: Partial<Record<CircuitStateName, number>>;
}

export interface SourcesReport {
  from: string;
  to: string;
  sources: SourceReportRow[];
}

const SEVERITY: readonly ReportedCircuitState[] = ['ISOLATED', 'OPEN', 'HALF_OPEN', 'CLOSED'];

/** `GET /api/v1/reports/sources` (SPEC 9): per source, the last hour's calls, failures, latency and circuit state. */
@Injectable()
export class SourceReportService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async report(now: Date = new Date()): Promise<SourcesReport> {
    const from = new Date(now.getTime() - 3600_000);
    const calls = await this.dataSource.query<
      {
        source: string;
        calls: number;
        failures: number;
        rejected: number;
        p50: number | null;
        p95: number | null;
      }[]
    >(
      `SELECT source,
              count(*) FILTER (WHERE outcome <> 'REJECTED')::int AS calls,
              count(*) FILTER (WHERE outcome = 'FAILED')::int AS failures,
              count(*) FILTER (WHERE outcome = 'REJECTED')::int AS rejected,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY duration_ms) FILTER (WHERE outcome <> 'REJECTED') AS p50,
              percentile_cont(0.95) WITHIN GROUP (ORDER BY duration_ms) FILTER (WHERE outcome <> 'REJECTED') AS p95
         FROM source_calls WHERE started_at > $1 AND started_at <= $2
        GROUP BY source`,
      [from, now],
    );
    const states = await this.dataSource.query<
      { source: string; state: CircuitStateName; workers: number }[]
    >(
      `SELECT source, state, count(*)::int AS workers FROM source_circuit_states
        WHERE reported_at > $1 GROUP BY source, state`,
      [new Date(now.getTime() - LIVE_WORKER_MS)],
    );
    return {
      from: from.toISOString(),
      to: now.toISOString(),
      sources: SOURCE_CODES.map((source) => {
        const row = calls.find((c) => c.source === source);
        const workers: Partial<Record<CircuitStateName, number>> = {};
        for (const s of states.filter((s) => s.source === source)) workers[s.state] = s.workers;
        return {
          source,
          calls: row?.calls ?? 0,
          failures: row?.failures ?? 0,
          shortCircuited: row?.rejected ?? 0,
          latencyMs: { p50: roundOrNull(row?.p50), p95: roundOrNull(row?.p95) },
          circuit: SEVERITY.find((state) => state !== 'UNKNOWN' && (workers[state] ?? 0) > 0) ?? 'UNKNOWN',
          workers,
        };
      }),
    };
  }
}

function roundOrNull(value: number | string | null | undefined): number | null {
  return value === null || value === undefined ? null : Math.round(Number(value) * 10) / 10;
}
