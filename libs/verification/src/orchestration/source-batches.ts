import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { CheckStatus } from '@app/applications';
import { appConfig, type AppConfigType, type SourceCallConfig } from '@app/config';
import { canonicalJson, isRealDate, sha256Hex, todayInChina } from '@app/common';
import { SOURCE_CODES, type SourceCode } from '@app/eligibility';
import { PiiCipher } from '@app/privacy';
import { DEPARTMENT_BATCH_MAXIMA } from '../connectors/http-source.connector';
import {
  type CheckKey,
  type ClaimedCheck,
  VerificationRepository,
} from '../persistence/verification.repository';
import { SharedBreaker } from '../sources/shared-breaker';
import { SourceCallError, SourceGateway } from '../sources/source-gateway';
import { sourceBackoffDelay } from './verification-jobs';

/** How a check handed to a batch ended for the job that handed it. */
export type BatchedCheckOutcome =
  /** Answered (SUCCEEDED or NO_RECORD) or found NOT_AUTHORIZED at send time. */
  | 'DONE'
  /** FAILED: attempts spent against a source answering with errors, or SOURCE_MAX_WAIT reached. */
  | 'FAILED'
  /** No longer this job's business: the check is no longer pending, or its run ended. */
  | 'GONE'
  /** The worker is shutting down: the check is still pending and goes back to the queue (the job is retried). */
  | 'RELEASED';

/** One check waiting in a source's lane. */
interface Entry extends CheckKey {
  /** When the run started: SOURCE_MAX_WAIT counts from here. */
  startedAt: number;
  settle: (outcome: BatchedCheckOutcome) => void;
}

/** A valid authorisation at send time: recorded, signed on a real date not in the future. */
export function authorizationIsValid(authorization: { signedAt?: unknown } | null, today: string): boolean {
  const signedAt = authorization?.signedAt;
  return typeof signedAt === 'string' && isRealDate(signedAt) && signedAt <= today;
}

/**
 * Splits what a claim returned into what to send, what to mark NOT_AUTHORIZED (its authorisation went since the run
 * started: never sent), what another worker holds (try again when its claim lapses) and what has ended.
 */
export function sortClaimed(
  rows: readonly ClaimedCheck[],
  today: string,
): {
  send: ClaimedCheck[];
  notAuthorized: ClaimedCheck[];
  heldElsewhere: ClaimedCheck[];
  ended: ClaimedCheck[];
} {
  const sorted = {
    send: [] as ClaimedCheck[],
    notAuthorized: [] as ClaimedCheck[],
    heldElsewhere: [] as ClaimedCheck[],
    ended: [] as ClaimedCheck[],
  };
  for (const row of rows) {
    if (row.claimed) {
      if (row.idNumberEnc !== null && authorizationIsValid(row.authorization, today)) sorted.send.push(row);
      else sorted.notAuthorized.push(row);
    } else if (row.pending) sorted.heldElsewhere.push(row);
    else sorted.ended.push(row);
  }
  return sorted;
}

/**
 * The next batch of a lane: the oldest waiting checks, at most `size`, never the same check twice in one batch.
 * Returns the batch and what stays waiting.
 */
export function takeBatch<T extends CheckKey>(
  waiting: readonly T[],
  size: number,
): { batch: T[]; rest: T[] } {
  const batch: T[] = [];
  const rest: T[] = [];
  const seen = new Set<string>();
  for (const entry of waiting) {
    const key = `${entry.runId}:${entry.memberId}`;
    if (batch.length < size && !seen.has(key)) {
      seen.add(key);
      batch.push(entry);
    } else rest.push(entry);
  }
  return { batch, rest };
}

/**
 * SPEC 5.3 / issue 12: per-source batches across runs. A run's check job hands its pending checks to the lane of each
 * source and waits; a lane sends a batch when it holds `SOURCE_BATCH_SIZE` persons or its oldest has waited
 * `SOURCE_BATCH_WAIT_MS`, with at most `SOURCE_CONCURRENCY` batches in flight. A batch is claimed in one statement
 * (so two workers never send the same check; authorisation and cancellation are re-read at send time), sent in one
 * call (or the department's own maximum at a time), and written with one statement. While the source's shared
 * breaker is open the lane waits without spending attempts; a check fails after its attempts against a source
 * answering with errors, or after SOURCE_MAX_WAIT in all.
 */
@Injectable()
export class SourceBatches implements OnApplicationShutdown {
  private readonly logger = new Logger(SourceBatches.name);
  private readonly settings: SourceCallConfig;
  private readonly lanes = new Map<SourceCode, Lane>();
  private closed = false;

  constructor(
    @Inject(appConfig.KEY) config: AppConfigType,
    private readonly repository: VerificationRepository,
    private readonly gateway: SourceGateway,
    private readonly breaker: SharedBreaker,
    private readonly cipher: PiiCipher,
  ) {
    this.settings = config.verification.sources;
    for (const source of SOURCE_CODES) this.lanes.set(source, new Lane(source, this));
  }

  onApplicationShutdown(): void {
    this.release();
  }

  /**
   * Shutdown: stop sending and hand every check still waiting in a lane back to its job as RELEASED, so the jobs end
   * (and are retried) instead of holding the worker's close open. Batches in flight finish and record their answers.
   */
  release(): void {
    this.closed = true;
    for (const lane of this.lanes.values()) lane.close();
  }

  get isClosed(): boolean {
    return this.closed;
  }

  /** Hands one pending check to its source's lane; resolves when it is final (or no longer this worker's). */
  submit(source: SourceCode, check: CheckKey, runStartedAt: Date): Promise<BatchedCheckOutcome> {
    const lane = this.lanes.get(source);
    if (!lane) return Promise.reject(new Error(`Unknown source ${source}`));
    return new Promise((settle) => lane.add({ ...check, startedAt: runStartedAt.getTime(), settle }));
  }

  /** Persons per call for a source: SOURCE_BATCH_SIZE, never more than the department's own maximum × 4 calls. */
  batchSizeOf(source: SourceCode): number {
    return Math.max(1, Math.min(this.settings.batchSize, DEPARTMENT_BATCH_MAXIMA[source] * 4));
  }

  get config(): SourceCallConfig {
    return this.settings;
  }

  /** Sends one batch; returns entries to put back in the lane, each with the time it may go again. */
  async send(source: SourceCode, batch: Entry[], trial: boolean): Promise<{ entry: Entry; at: number }[]> {
    const retry: { entry: Entry; at: number }[] = [];
    const byKey = new Map(batch.map((e) => [`${e.runId}:${e.memberId}`, e]));
    const take = (k: CheckKey): Entry | undefined => {
      const key = `${k.runId}:${k.memberId}`;
      const entry = byKey.get(key);
      byKey.delete(key);
      return entry;
    };
    const settle = (keys: readonly CheckKey[], outcome: BatchedCheckOutcome): void => {
      for (const k of keys) take(k)?.settle(outcome);
    };
    const now = new Date();
    // A claim outlives the call and the write: the call's timeout for each of the department's parts, and a margin.
    const parts = Math.ceil(batch.length / DEPARTMENT_BATCH_MAXIMA[source]);
    const leaseSeconds = Math.ceil((this.settings.timeoutMs * (parts + 1)) / 1000) + 30;
    const rows = await this.repository.claimBatch(source, batch, leaseSeconds);
    const { send, notAuthorized, heldElsewhere, ended } = sortClaimed(rows, todayInChina());
    settle(ended, 'GONE');
    for (const held of heldElsewhere) {
      const entry = take(held);
      if (!entry) continue;
      const lapse = held.claimedUntil ? held.claimedUntil.getTime() : Date.now() + 1000;
      // Asked again within a second: the other worker usually finishes long before its claim would lapse.
      retry.push({ entry, at: Math.max(Date.now() + 100, Math.min(lapse + 50, Date.now() + 1000)) });
    }
    if (notAuthorized.length > 0) {
      await this.repository.markNotAuthorized(source, notAuthorized, now);
      settle(notAuthorized, 'DONE');
    }
    if (send.length === 0) return retry;

    const persons = send.map((c) => ({
      memberId: `${c.runId}:${c.memberId}`,
      idNumber: this.cipher.decrypt(c.idNumberEnc!),
    }));
    try {
      const answers = await this.gateway.query(source, persons);
      await this.breaker.succeeded(source);
      const keyOf = (id: string): CheckKey => {
        const [runId, memberId] = id.split(':') as [string, string];
        return { runId, memberId };
      };
      const answered = answers.filter((a) => a.outcome !== 'ERROR');
      const personErrors = answers.filter((a) => a.outcome === 'ERROR');
      const at = new Date();
      await this.repository.recordBatchAnswers(
        source,
        answered.map((a) => ({
          ...keyOf(a.memberId),
          outcome: a.outcome as 'FOUND' | 'NO_RECORD',
          facts: a.fact,
          response: a.raw ?? null,
          responseSha256: sha256Hex(canonicalJson(a.raw ?? null)),
        })),
        at,
      );
      settle(
        answered.map((a) => keyOf(a.memberId)),
        'DONE',
      );
      if (personErrors.length > 0) {
        // Only these persons spend an attempt; the department answered the rest of the batch.
        const failed = await this.repository.recordBatchFailures(
          source,
          personErrors.map((a) => keyOf(a.memberId)),
          personErrors[0]?.error ?? `${source}: no answer for this person`,
          { countAttempt: true, final: false, maxAttempts: this.settings.attempts },
          at,
        );
        retry.push(...this.afterFailure(failed, take));
      }
      // Anything claimed but not in the answer (cannot happen with a complete answer) goes round again.
      for (const entry of byKey.values()) retry.push({ entry, at: Date.now() + 100 });
      byKey.clear();
      return retry;
    } catch (error) {
      if (!(error instanceof SourceCallError)) throw error;
      if (error.retryable) await this.breaker.failed(source, trial);
      const failed = await this.repository.recordBatchFailures(
        source,
        send,
        error.message,
        { countAttempt: true, final: !error.retryable, maxAttempts: this.settings.attempts },
        new Date(),
      );
      const failedNow = failed.filter((f) => f.status === CheckStatus.FAILED).length;
      if (failedNow > 0) this.logger.warn(`${source}: ${failedNow} check(s) FAILED: ${error.message}`);
      retry.push(...this.afterFailure(failed, take));
      // Checks of the batch that were no longer pending when the failure was written have ended elsewhere.
      settle(send, 'GONE');
      return retry;
    }
  }

  /** After a failure: FAILED checks settle; the others go round again after their backoff. */
  private afterFailure(
    failed: readonly (CheckKey & { status: CheckStatus; attempts: number })[],
    take: (key: CheckKey) => Entry | undefined,
  ): { entry: Entry; at: number }[] {
    const retry: { entry: Entry; at: number }[] = [];
    for (const f of failed) {
      const entry = take(f);
      if (!entry) continue;
      if (f.status === CheckStatus.FAILED) entry.settle('FAILED');
      else retry.push({ entry, at: Date.now() + sourceBackoffDelay(f.attempts, this.settings) });
    }
    return retry;
  }

  /** Checks that have waited SOURCE_MAX_WAIT in all for a source whose breaker stays open: FAILED. */
  async expire(source: SourceCode, entries: readonly Entry[]): Promise<void> {
    const failed = await this.repository.recordBatchFailures(
      source,
      entries,
      `${source}: circuit open, no answer within SOURCE_MAX_WAIT`,
      { countAttempt: false, final: true, maxAttempts: this.settings.attempts },
      new Date(),
    );
    const done = new Set(failed.map((f) => `${f.runId}:${f.memberId}`));
    for (const entry of entries)
      entry.settle(done.has(`${entry.runId}:${entry.memberId}`) ? 'FAILED' : 'GONE');
  }

  permit(source: SourceCode): ReturnType<SharedBreaker['permit']> {
    return this.breaker.permit(source);
  }

  warn(message: string): void {
    this.logger.warn(message);
  }
}

/** One source's waiting checks, its timer and its batches in flight (one per source per worker process). */
class Lane {
  private waiting: Entry[] = [];
  private readonly later: { entry: Entry; at: number }[] = [];
  private inFlight = 0;
  private timer: NodeJS.Timeout | undefined;
  private timerAt = 0;
  private pausedUntil = 0;
  private firstWaitingSince = 0;

  constructor(
    private readonly source: SourceCode,
    private readonly owner: SourceBatches,
  ) {}

  add(entry: Entry): void {
    if (this.owner.isClosed) return entry.settle('RELEASED');
    if (this.waiting.length === 0) this.firstWaitingSince = Date.now();
    this.waiting.push(entry);
    this.pump();
  }

  close(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    const left = [...this.waiting, ...this.later.map((item) => item.entry)];
    this.waiting = [];
    this.later.length = 0;
    for (const entry of left) entry.settle('RELEASED');
  }

  private wake(at: number): void {
    if (this.owner.isClosed) return;
    if (this.timer && this.timerAt <= at) return;
    clearTimeout(this.timer);
    this.timerAt = at;
    this.timer = setTimeout(
      () => {
        this.timer = undefined;
        this.pump();
      },
      Math.max(0, at - Date.now()),
    );
    this.timer.unref?.();
  }

  /** Sends what may go now, and sets the timer for what must wait. */
  private pump(): void {
    if (this.owner.isClosed) return;
    const now = Date.now();
    // Entries whose backoff (or another worker's claim) has run out join the end of the waiting line: behind the
    // checks that have not been tried yet, so one check never takes every half-open trial of an outage.
    for (let i = 0; i < this.later.length;) {
      const item = this.later[i]!;
      if (item.at <= now) {
        this.later.splice(i, 1);
        if (this.waiting.length === 0) this.firstWaitingSince = now;
        this.waiting.push(item.entry);
      } else i++;
    }
    const nextLater = this.later.reduce((min, item) => Math.min(min, item.at), Number.POSITIVE_INFINITY);
    if (this.waiting.length > 0) {
      if (now < this.pausedUntil) {
        this.wake(this.pausedUntil);
      } else {
        const size = this.owner.batchSizeOf(this.source);
        const full = this.waiting.length >= size;
        const due = now - this.firstWaitingSince >= this.owner.config.batchWaitMs;
        if ((full || due) && this.inFlight < this.owner.config.concurrency) {
          const { batch, rest } = takeBatch(this.waiting, size);
          this.waiting = rest;
          this.firstWaitingSince = now;
          void this.dispatch(batch);
          if (this.waiting.length > 0) this.pump();
          return;
        }
        if (!full && !due) this.wake(this.firstWaitingSince + this.owner.config.batchWaitMs);
        // Full but at the concurrency limit: the end of a batch in flight pumps again.
      }
    }
    if (Number.isFinite(nextLater)) this.wake(nextLater);
  }

  private async dispatch(batch: Entry[]): Promise<void> {
    this.inFlight++;
    try {
      const permit = await this.owner.permit(this.source);
      if (permit.kind === 'OPEN') {
        // No calls, no attempts: wait for the half-open moment; checks that have waited SOURCE_MAX_WAIT fail.
        const limit = Date.now() - this.owner.config.maxWaitSeconds * 1000;
        const expired = batch.filter((e) => e.startedAt <= limit);
        const keep = batch.filter((e) => e.startedAt > limit);
        if (expired.length > 0) await this.owner.expire(this.source, expired);
        this.pausedUntil = Math.max(this.pausedUntil, permit.until);
        if (this.owner.isClosed) for (const entry of keep) entry.settle('RELEASED');
        else this.waiting = [...keep, ...this.waiting];
        return;
      }
      let toSend = batch;
      if (permit.kind === 'TRIAL' && batch.length > 1) {
        // One person tries the half-open source; the rest wait for its outcome.
        toSend = batch.slice(0, 1);
        this.waiting = [...batch.slice(1), ...this.waiting];
        this.pausedUntil = Date.now() + 50;
      }
      const again = await this.owner.send(this.source, toSend, permit.kind === 'TRIAL');
      if (this.owner.isClosed) for (const { entry } of again) entry.settle('RELEASED');
      else this.later.push(...again);
      if (permit.kind === 'TRIAL') this.pausedUntil = 0;
    } catch (error) {
      // A database or Redis failure: nothing was recorded; the checks go round again shortly.
      this.owner.warn(`${this.source}: batch not sent: ${(error as Error).message}`);
      const at = Date.now() + 1000;
      if (this.owner.isClosed) for (const entry of batch) entry.settle('RELEASED');
      else this.later.push(...batch.map((entry) => ({ entry, at })));
    } finally {
      this.inFlight--;
      this.pump();
    }
  }
}
