import { Inject, Injectable } from '@nestjs/common';
import { appConfig, type AppConfigType } from '@app/config';
import { SOURCE_CODES, type SourceCode } from '@app/eligibility';
import { createConnectors } from '../connectors/create-connectors';
import {
  type ConnectorsBySource,
  type PersonToQuery,
  type SourceQueryResult,
} from '../connectors/source-connector';
import { isSourceError } from '../connectors/source-error';
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

/**
 * The departments behind SPEC 5.3's per-source protections: the connector (with its timeout and the department's own
 * batch maximum) and the call statistics. The circuit breaker is shared by every worker (`SharedBreaker`) and the
 * concurrency limit is the per-source batch lane's (`SourceBatches`); retries are the lane's too, per check.
 */
@Injectable()
export class SourceGateway {
  private readonly connectors: ConnectorsBySource;

  constructor(
    @Inject(appConfig.KEY) config: AppConfigType,
    private readonly stats: SourceStatsRecorder,
  ) {
    const settings = config.verification.sources;
    this.connectors = createConnectors(config.mockSourcesUrl, {
      keys: settings.keys,
      timeoutMs: settings.timeoutMs,
    });
    for (const source of SOURCE_CODES) this.stats.recordCircuitState(source, 'CLOSED');
  }

  /** One call (or the department's batch maximum at a time) for every person given; throws `SourceCallError`. */
  async query<S extends SourceCode>(
    source: S,
    persons: readonly PersonToQuery[],
  ): Promise<SourceQueryResult<S>[]> {
    const connector = this.connectors[source];
    const startedAt = new Date();
    const started = performance.now();
    try {
      const results = await connector.query(persons);
      this.stats.recordCall(source, startedAt, performance.now() - started, 'OK', null);
      return results;
    } catch (error) {
      const kind = isSourceError(error) ? error.kind : 'INTERNAL';
      this.stats.recordCall(source, startedAt, performance.now() - started, 'FAILED', kind);
      throw this.describe(source, error);
    }
  }

  private describe(source: SourceCode, error: unknown): SourceCallError {
    if (isSourceError(error)) return new SourceCallError(source, error.kind, error.message, error.retryable);
    // A connector bug: its message could quote an answer, so only the type is kept; retried like an outage.
    return new SourceCallError(
      source,
      'INTERNAL',
      `${source}: unexpected ${(error as Error)?.name ?? 'error'}`,
      true,
    );
  }
}
