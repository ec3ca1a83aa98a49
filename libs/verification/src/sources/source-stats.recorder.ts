import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import {
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { InjectMetric } from '@willsoto/nestjs-prometheus';
import { Counter, Gauge, Histogram } from 'prom-client';
import { DataSource } from 'typeorm';
import { type SourceCode } from '@app/eligibility';
import { type CircuitStateName } from '../persistence/source-circuit-state.entity';
import { type SourceCallOutcome } from '../persistence/source-call.entity';
import { SOURCE_CIRCUIT_METRIC, SOURCE_DURATION_METRIC, SOURCE_FAILURES_METRIC } from './source-metrics';

const FLUSH_INTERVAL_MS = 1_000;
/** Circuit states are confirmed this often even without a change, so the report can tell live workers. */
export const CIRCUIT_HEARTBEAT_MS = 15_000;
/** A burst beyond this many unflushed calls is dropped from the statistics (never from the work). */
const MAX_BUFFERED_CALLS = 20_000;

const CIRCUIT_GAUGE: Record<CircuitStateName, number> = { CLOSED: 0, OPEN: 1, HALF_OPEN: 2, ISOLATED: 3 };

interface BufferedCall {
  source: SourceCode;
  startedAt: Date;
  durationMs: number;
  outcome: SourceCallOutcome;
  errorKind: string | null;
}

/**
 * Records every source call for Prometheus (at once) and for `GET /api/v1/reports/sources` (buffered, one multi-row
 * INSERT per second, so the hot path never waits on it). Statistics are best effort: a failed flush is logged and
 * dropped, never retried into an unbounded buffer.
 */
@Injectable()
export class SourceStatsRecorder
  implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown
{
  private readonly logger = new Logger(SourceStatsRecorder.name);
  /** Names this process in `source_circuit_states`. */
  readonly workerId = `${hostname().slice(0, 60)}:${process.pid}:${randomBytes(3).toString('hex')}`;
  private calls: BufferedCall[] = [];
  private readonly circuits = new Map<SourceCode, { state: CircuitStateName; changedAt: Date }>();
  private dirtyCircuits = new Set<SourceCode>();
  private lastHeartbeat = 0;
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> | undefined;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectMetric(SOURCE_DURATION_METRIC) private readonly duration: Histogram<string>,
    @InjectMetric(SOURCE_FAILURES_METRIC) private readonly failures: Counter<string>,
    @InjectMetric(SOURCE_CIRCUIT_METRIC) private readonly circuitGauge: Gauge<string>,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.flush(), FLUSH_INTERVAL_MS);
    this.timer.unref();
  }

  // While the database is surely open; calls of jobs that finish during the shutdown follow in the last flush.
  async beforeApplicationShutdown(): Promise<void> {
    await this.flush();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    if (this.calls.length > 0 || this.dirtyCircuits.size > 0) await this.flush();
  }

  recordCall(
    source: SourceCode,
    startedAt: Date,
    durationMs: number,
    outcome: SourceCallOutcome,
    errorKind: string | null,
  ): void {
    if (outcome !== 'REJECTED')
      this.duration.observe({ source, outcome: outcome === 'OK' ? 'OK' : 'FAILED' }, durationMs / 1000);
    if (outcome !== 'OK') this.failures.inc({ source, kind: errorKind ?? 'UNKNOWN' });
    if (this.calls.length < MAX_BUFFERED_CALLS)
      this.calls.push({ source, startedAt, durationMs: Math.round(durationMs), outcome, errorKind });
  }

  recordCircuitState(source: SourceCode, state: CircuitStateName): void {
    this.circuitGauge.set({ source }, CIRCUIT_GAUGE[state]);
    const previous = this.circuits.get(source);
    if (previous?.state === state) return;
    this.circuits.set(source, { state, changedAt: new Date() });
    this.dirtyCircuits.add(source);
  }

  /** Writes buffered calls and changed (or, on the heartbeat, all) circuit states. */
  async flush(): Promise<void> {
    if (this.flushing) return this.flushing;
    this.flushing = this.write().finally(() => {
      this.flushing = undefined;
    });
    return this.flushing;
  }

  private async write(): Promise<void> {
    const calls = this.calls;
    this.calls = [];
    const heartbeat = Date.now() - this.lastHeartbeat >= CIRCUIT_HEARTBEAT_MS;
    const circuits = heartbeat ? [...this.circuits.keys()] : [...this.dirtyCircuits];
    this.dirtyCircuits = new Set();
    if (calls.length === 0 && circuits.length === 0) return;
    try {
      if (calls.length > 0) {
        await this.dataSource.query(
          `INSERT INTO source_calls (source, started_at, duration_ms, outcome, error_kind)
           SELECT * FROM unnest($1::varchar[], $2::timestamptz[], $3::int[], $4::varchar[], $5::varchar[])`,
          [
            calls.map((c) => c.source),
            calls.map((c) => c.startedAt),
            calls.map((c) => c.durationMs),
            calls.map((c) => c.outcome),
            calls.map((c) => c.errorKind),
          ],
        );
      }
      if (circuits.length > 0) {
        const states = circuits.map((source) => ({ source, ...this.circuits.get(source)! }));
        await this.dataSource.query(
          `INSERT INTO source_circuit_states (worker_id, source, state, changed_at, reported_at)
           SELECT $1, s, st, c, now() FROM unnest($2::varchar[], $3::varchar[], $4::timestamptz[]) AS u(s, st, c)
           ON CONFLICT (worker_id, source)
           DO UPDATE SET state = EXCLUDED.state, changed_at = EXCLUDED.changed_at, reported_at = now()`,
          [
            this.workerId,
            states.map((s) => s.source),
            states.map((s) => s.state),
            states.map((s) => s.changedAt),
          ],
        );
        if (heartbeat) this.lastHeartbeat = Date.now();
      }
    } catch (error) {
      this.logger.warn(
        `source statistics not written (${calls.length} calls): ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }
}
