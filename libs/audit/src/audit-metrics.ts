import { Counter, register } from 'prom-client';
import { type AuditVerification } from './audit-view';

export const AUDIT_VERIFY_FAILURES_METRIC = 'hev_audit_verification_failures_total';

/**
 * Broken chains found by any verification this process ran (`GET /api/v1/audit/verify`, the anchor job), by chain.
 * In the default registry, which `/metrics` serves; created once per process whoever verifies first.
 */
function failuresCounter(): Counter<'chain'> {
  const existing = register.getSingleMetric(AUDIT_VERIFY_FAILURES_METRIC);
  if (existing) return existing as Counter<'chain'>;
  return new Counter({
    name: AUDIT_VERIFY_FAILURES_METRIC,
    help: 'Audit hash-chain verifications that found a chain broken, by chain (any increase means possible tampering)',
    labelNames: ['chain'],
  });
}

/**
 * Counts every broken chain of a verification result. An intact chain gets its series at 0, so the first failure after
 * it is an increase that `increase()` sees (hev-alerts.yml also catches a series that first appears broken).
 */
export function recordAuditVerification(result: AuditVerification): void {
  const counter = failuresCounter();
  for (const chain of result.chains) counter.inc({ chain: chain.chain }, chain.valid ? 0 : 1);
}

// Registered when the lib is loaded, so `/metrics` shows the counter before the first verification.
failuresCounter();
