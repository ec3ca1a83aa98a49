import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { Redis } from 'ioredis';
import { appConfig, type AppConfigType } from '@app/config';
import { type SourceCode } from '@app/eligibility';
import { producerConnection } from '@app/queue';
import { type CircuitStateName } from '../persistence/source-circuit-state.entity';
import { SourceStatsRecorder } from './source-stats.recorder';

/** What the breaker allows now: send (closed), send one trial batch (half-open), or wait until `until`. */
export type BreakerPermit = { kind: 'CLOSED' } | { kind: 'TRIAL' } | { kind: 'OPEN'; until: number };

/**
 * SPEC 5.3: one circuit breaker per source, shared by every worker process (state in Redis, under the queue prefix).
 * Consecutive retryable failures open it for `SOURCE_BREAKER_HALF_OPEN_MS`; then one worker sends one trial batch,
 * whose outcome closes or re-opens it. While it is open the source's batches wait: no calls, no attempts spent.
 * When Redis cannot be reached the breaker fails open (closed): the departments' own errors still count attempts.
 */
@Injectable()
export class SharedBreaker implements OnApplicationShutdown {
  private readonly logger = new Logger(SharedBreaker.name);
  private readonly redis: Redis;
  private readonly prefix: string;
  private readonly failuresToOpen: number;
  private readonly halfOpenMs: number;
  /** What this process last saw, so a success costs a Redis command only when there is something to reset. */
  private readonly dirty = new Set<SourceCode>();
  private readonly lastState = new Map<SourceCode, CircuitStateName>();

  constructor(
    @Inject(appConfig.KEY) config: AppConfigType,
    private readonly stats: SourceStatsRecorder,
  ) {
    this.redis = new Redis({ ...producerConnection(config.redisUrl), lazyConnect: true });
    this.redis.on('error', (error: Error) => this.logger.debug(`breaker store: ${error.message}`));
    this.prefix = `${config.queuePrefix}:breaker`;
    this.failuresToOpen = config.verification.sources.breakerFailures;
    this.halfOpenMs = config.verification.sources.breakerHalfOpenMs;
  }

  async onApplicationShutdown(): Promise<void> {
    this.redis.disconnect();
    await Promise.resolve();
  }

  private key(source: SourceCode): string {
    return `${this.prefix}:${source}`;
  }

  async permit(source: SourceCode, now = Date.now()): Promise<BreakerPermit> {
    try {
      const [failures, openUntil] = await this.redis.hmget(this.key(source), 'failures', 'openUntil');
      if (Number(failures ?? 0) > 0) this.dirty.add(source);
      if (openUntil === null || openUntil === undefined) {
        this.observe(source, 'CLOSED');
        return { kind: 'CLOSED' };
      }
      const until = Number(openUntil);
      if (now < until) {
        this.observe(source, 'OPEN');
        return { kind: 'OPEN', until };
      }
      // Half-open: one trial batch for the whole deployment.
      const won = await this.redis.set(`${this.key(source)}:trial`, '1', 'PX', this.halfOpenMs, 'NX');
      this.observe(source, 'HALF_OPEN');
      if (won === 'OK') {
        this.dirty.add(source);
        return { kind: 'TRIAL' };
      }
      return { kind: 'OPEN', until: now + Math.max(10, Math.floor(this.halfOpenMs / 4)) };
    } catch (error) {
      this.logger.debug(`breaker of ${source} not read: ${(error as Error).message}`);
      return { kind: 'CLOSED' };
    }
  }

  /** A call that got an answer: the breaker closes (and its failure count resets). */
  async succeeded(source: SourceCode): Promise<void> {
    this.observe(source, 'CLOSED');
    if (!this.dirty.has(source)) return;
    this.dirty.delete(source);
    try {
      await this.redis.del(this.key(source), `${this.key(source)}:trial`);
    } catch (error) {
      this.logger.debug(`breaker of ${source} not reset: ${(error as Error).message}`);
    }
  }

  /** A retryable failure of the source: counted; enough in a row (or a failed trial) open the breaker. */
  async failed(source: SourceCode, trial: boolean, now = Date.now()): Promise<void> {
    this.dirty.add(source);
    try {
      const failures = await this.redis.hincrby(this.key(source), 'failures', 1);
      if (trial || failures >= this.failuresToOpen) {
        await this.redis
          .multi()
          .hset(this.key(source), 'openUntil', String(now + this.halfOpenMs))
          .del(`${this.key(source)}:trial`)
          .exec();
        this.observe(source, 'OPEN');
      }
    } catch (error) {
      this.logger.debug(`breaker of ${source} not updated: ${(error as Error).message}`);
    }
  }

  private observe(source: SourceCode, state: CircuitStateName): void {
    if (this.lastState.get(source) === state) return;
    this.lastState.set(source, state);
    this.stats.recordCircuitState(source, state);
  }
}
