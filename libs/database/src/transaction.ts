import type { DataSource, EntityManager } from 'typeorm';

/** The transaction handle passed explicitly through a call chain (Vendure's habit). */
export type Tx = EntityManager;

const RETRYABLE = new Set(['40001', '40P01']); // serialization_failure, deadlock_detected

/**
 * Runs `work` in one transaction; a state change, its audit entry and its outbox event commit together.
 * Serialisation failures and deadlocks are retried a few times, since the whole unit is repeatable.
 */
export async function runInTransaction<T>(
  dataSource: DataSource,
  work: (tx: Tx) => Promise<T>,
  attempts = 3,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await dataSource.transaction(work);
    } catch (error) {
      const code =
        (error as { code?: string; driverError?: { code?: string } }).driverError?.code ??
        (error as { code?: string }).code;
      if (attempt >= attempts || !code || !RETRYABLE.has(code)) throw error;
    }
  }
}

/** PostgreSQL error code of a failed query, if any. */
export function pgErrorCode(error: unknown): string | undefined {
  const e = error as { code?: string; driverError?: { code?: string } };
  return e.driverError?.code ?? e.code;
}
