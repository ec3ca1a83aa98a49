import { performance } from 'node:perf_hooks';
import type { Pool } from 'undici';

/** One prepared request: its body is serialised before the step starts, so the generator only sends. */
export interface PreparedRequest {
  path: string;
  headers: Record<string, string>;
  body: string;
}

export interface StepOptions {
  /** Arrivals per second, fixed (open loop: the schedule never waits for responses). */
  rate: number;
  /** Seconds at the rate before measuring starts (warms connections, JIT, caches; not reported). */
  warmupSeconds: number;
  /** Seconds measured. */
  measureSeconds: number;
  /** Seconds to wait after the last send for stragglers; anything still pending then is a timeout error. */
  drainSeconds: number;
  /** Status that counts as success. */
  expectStatus: number;
  /**
   * Requests outstanding beyond this are not sent and count as `backlog` errors: an overloaded server gets no
   * unbounded queue, so the step (and the settling after it) stays bounded in time.
   */
  maxInFlight: number;
  /** After the results are taken, how long to wait at most for the remaining requests, so the next step starts clean. */
  settleSeconds: number;
  /** Called once per scheduled arrival, in order, before the step starts. */
  prepare: (index: number) => PreparedRequest;
}

export interface StepResult {
  offeredRate: number;
  measureSeconds: number;
  /** Requests scheduled inside the measured window. */
  scheduled: number;
  /** Successful responses that completed inside the measured window, per second. */
  achievedRate: number;
  ok: number;
  /** Successes of the whole step, warm-up included (what the database should now hold). */
  okTotal: number;
  errors: number;
  /** Error counts by status (`timeout`, `network`, `backlog` for failures without a status). */
  errorsByKind: Record<string, number>;
  /** Latency from the scheduled send time to the complete response, ms, over the window's requests. */
  p50: number;
  p99: number;
  p999: number;
  max: number;
  /** The first few unexpected answers (status and body, shortened), to say what went wrong. */
  errorSamples: string[];
  /** How late the generator itself sent, p99 ms (its own event-loop delay; already inside the latencies). */
  sendLagP99: number;
}

/** Percentile of an ascending array (nearest rank). */
export function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

/**
 * Drives `pool` with an open-loop arrival schedule: request i is due at start + i / rate, whatever happened to
 * earlier requests. Latency is measured from the due time, so queueing anywhere (the generator, the socket, the
 * server) counts and a slow server cannot slow the offered load down (no coordinated omission).
 */
export async function runOpenLoopStep(pool: Pool, options: StepOptions): Promise<StepResult> {
  const warmupCount = Math.round(options.warmupSeconds * options.rate);
  const measureCount = Math.round(options.measureSeconds * options.rate);
  const total = warmupCount + measureCount;
  const requests = Array.from({ length: total }, (_, i) => options.prepare(i));
  const intervalMs = 1000 / options.rate;

  const latency = new Float64Array(measureCount).fill(Number.NaN);
  const lag = new Float64Array(measureCount);
  const outcome: (string | null)[] = new Array<string | null>(measureCount).fill(null);
  const expected = String(options.expectStatus);
  let okInWindow = 0;
  let okTotal = 0;
  const errorSamples: string[] = [];
  let inFlight = 0;
  let sent = 0;

  const start = performance.now() + 50;
  const windowStart = start + warmupCount * intervalMs;
  const windowEnd = windowStart + measureCount * intervalMs;

  const fire = (i: number, due: number): void => {
    const measured = i >= warmupCount ? i - warmupCount : -1;
    if (measured >= 0) lag[measured] = performance.now() - due;
    if (inFlight >= options.maxInFlight) {
      if (measured >= 0) outcome[measured] = 'backlog';
      return;
    }
    inFlight++;
    const request = requests[i]!;
    requests[i] = undefined as unknown as PreparedRequest; // let the body be collected once sent
    pool
      .request({ method: 'POST', path: request.path, headers: request.headers, body: request.body })
      .then(async (response) => {
        const status = String(response.statusCode);
        if (status !== expected && errorSamples.length < 5) {
          errorSamples.push(`${status} ${(await response.body.text()).slice(0, 300)}`);
        } else {
          await response.body.dump();
        }
        return status;
      })
      .catch((error: unknown) => {
        const code = (error as { code?: string }).code ?? '';
        return /TIMEOUT/i.test(code) ? 'timeout' : `network(${code || 'error'})`;
      })
      .then((status) => {
        inFlight--;
        const end = performance.now();
        // Throughput: every success that completes inside the window, whenever it was sent.
        if (status === expected && end >= windowStart && end <= windowEnd) okInWindow++;
        if (status === expected) okTotal++;
        if (measured < 0) return;
        latency[measured] = end - due;
        outcome[measured] = status;
      })
      .catch(() => undefined);
  };

  await new Promise<void>((resolve) => {
    const tick = (): void => {
      const now = performance.now();
      while (sent < total && start + sent * intervalMs <= now) {
        fire(sent, start + sent * intervalMs);
        sent++;
      }
      if (sent >= total) resolve();
      else setTimeout(tick, Math.max(0, Math.min(1, start + sent * intervalMs - performance.now())));
    };
    setTimeout(tick, Math.max(0, start - performance.now()));
  });

  const drainDeadline = performance.now() + options.drainSeconds * 1000;
  while (inFlight > 0 && performance.now() < drainDeadline) await new Promise((r) => setTimeout(r, 20));

  let ok = 0;
  const errorsByKind: Record<string, number> = {};
  for (let i = 0; i < measureCount; i++) {
    const status = outcome[i] ?? 'timeout';
    if (status === expected) {
      ok++;
    } else {
      errorsByKind[status] = (errorsByKind[status] ?? 0) + 1;
    }
    // Unanswered requests count at the drain limit: a lower bound on their latency.
    if (Number.isNaN(latency[i]!)) latency[i] = drainDeadline - (windowStart + i * intervalMs);
  }
  // Late answers no longer count, but the next step must not start while the server still works off this one.
  const settleDeadline = performance.now() + options.settleSeconds * 1000;
  while (inFlight > 0 && performance.now() < settleDeadline) await new Promise((r) => setTimeout(r, 50));
  latency.sort();
  lag.sort();
  return {
    offeredRate: options.rate,
    measureSeconds: options.measureSeconds,
    scheduled: measureCount,
    achievedRate: okInWindow / ((windowEnd - windowStart) / 1000),
    ok,
    okTotal,
    errors: measureCount - ok,
    errorsByKind,
    p50: percentile(latency, 50),
    p99: percentile(latency, 99),
    p999: percentile(latency, 99.9),
    max: latency[latency.length - 1] ?? Number.NaN,
    errorSamples,
    sendLagP99: percentile(lag, 99),
  };
}
