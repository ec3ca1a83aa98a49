import { Inject, Injectable } from '@nestjs/common';
import {
  BrokenCircuitError,
  BulkheadRejectedError,
  bulkhead,
  circuitBreaker,
  CircuitState,
  ConsecutiveBreaker,
  handleWhen,
  type BulkheadPolicy,
  type CircuitBreakerPolicy,
} from 'cockatiel';
import { appConfig, type AppConfigType } from '@app/config';
import { SOURCE_CODES, type SourceCode } from '@app/eligibility';
import { createConnectors } from '../connectors/create-connectors';
import {
  type ConnectorsBySource,
  type PersonToQuery,
  type SourceQueryResult,
} from '../connectors/source-connector';
import { isSourceError } from '../connectors/source-error';
import { type CircuitStateName } from '../persistence/source-circuit-state.entity';
import { SourceStatsRecorder } from './source-stats.recorder';

/** Why a call did not give an answer, in words safe to store and show (no values, no ID numbers). */
export class SourceCallError extends Error {
  override readonly name = 'SourceCallError';

  constructor(
    readonly source: SourceCode,
    readonly kind: string,
    message: string,
    /** Worth another attempt later (the department may recover); false for refusals and broken answers. */
    readonly retryable: boolean,
  ) {
    super(message);
  }
}

const STATE_NAMES: Record<CircuitState, CircuitStateName> = {
  [CircuitState.Closed]: 'CLOSED',
  [CircuitState.Open]: 'OPEN',
  [CircuitState.HalfOpen]: 'HALF_OPEN',
  [CircuitState.Isolated]: 'ISOLATED',
};

interface SourcePolicies {
  breaker: CircuitBreakerPolicy;
  bulkhead: BulkheadPolicy;
}

/**
 * The departments behind SPEC 5.3's per-source protections, in this worker process: a circuit breaker (consecutive
 * retryable failures open it; while open, calls fail fast without reaching the department; after the half-open
 * delay one trial call decides), then a concurrency limit (bulkhead), then the connector with its timeout.
 * Retries are not made here: the queue retries the whole check with backoff, so a retry survives a crash.
 */
@Injectable()
export class SourceGateway {
  private readonly connectors: ConnectorsBySource;
  private readonly policies = new Map<SourceCode, SourcePolicies>();

  constructor(
    @Inject(appConfig.KEY) config: AppConfigType,
    private readonly stats: SourceStatsRecorder,
  ) {
    const settings = config.verification.sources;
    this.connectors = createConnectors(config.mockSourcesUrl, {
      keys: settings.keys,
      timeoutMs: settings.timeoutMs,
    });
    for (const source of SOURCE_CODES) {
      const breaker = circuitBreaker(
        handleWhen((error) => isSourceError(error) && error.retryable),
        {
          halfOpenAfter: settings.breakerHalfOpenMs,
          breaker: new ConsecutiveBreaker(settings.breakerFailures),
        },
      );
      breaker.onStateChange((state) => this.stats.recordCircuitState(source, STATE_NAMES[state]));
      this.stats.recordCircuitState(source, 'CLOSED');
      // The queue behind the limit is bounded by the worker's own concurrency; never reached in practice.
      this.policies.set(source, {
        breaker,
        bulkhead: bulkhead(settings.concurrency, Math.max(1000, config.verification.concurrency * 4)),
      });
    }
  }

  circuitState(source: SourceCode): CircuitStateName {
    return STATE_NAMES[this.policiesOf(source).breaker.state];
  }

  /** One call for every person given; throws `SourceCallError` when the source gave no complete answer. */
  async query<S extends SourceCode>(
    source: S,
    persons: readonly PersonToQuery[],
  ): Promise<SourceQueryResult<S>[]> {
    const { breaker, bulkhead: limit } = this.policiesOf(source);
    const connector = this.connectors[source];
    try {
      return await breaker.execute(() =>
        limit.execute(async () => {
          const startedAt = new Date();
          const started = performance.now();
          try {
            const results = await connector.query(persons);
            this.stats.recordCall(source, startedAt, performance.now() - started, 'OK', null);
            return results;
          } catch (error) {
            const kind = isSourceError(error) ? error.kind : 'INTERNAL';
            this.stats.recordCall(source, startedAt, performance.now() - started, 'FAILED', kind);
            throw error;
          }
        }),
      );
    } catch (error) {
      throw this.describe(source, error);
    }
  }

  private describe(source: SourceCode, error: unknown): SourceCallError {
    if (error instanceof BrokenCircuitError) {
      this.stats.recordCall(source, new Date(), 0, 'REJECTED', 'CIRCUIT_OPEN');
      return new SourceCallError(source, 'CIRCUIT_OPEN', `${source}: circuit open, call not attempted`, true);
    }
    if (error instanceof BulkheadRejectedError)
      return new SourceCallError(source, 'BUSY', `${source}: too many calls waiting in this worker`, true);
    if (isSourceError(error)) return new SourceCallError(source, error.kind, error.message, error.retryable);
    // A connector bug: its message could quote an answer, so only the type is kept; retried like an outage.
    return new SourceCallError(
      source,
      'INTERNAL',
      `${source}: unexpected ${(error as Error)?.name ?? 'error'}`,
      true,
    );
  }

  private policiesOf(source: SourceCode): SourcePolicies {
    const policies = this.policies.get(source);
    if (!policies) throw new Error(`Unknown source ${source}`);
    return policies;
  }
}
