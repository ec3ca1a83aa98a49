import { canonicalJson, sha256Hex } from '@app/common';
import { evaluate, type Recommendation } from '@app/eligibility';
import type {
  DecisionRecordContent,
  DecisionRecordDocument,
  RecordCheck,
  SignedDecisionRecord,
} from './decision-record.types';
import { verifySignature, type PublicSigningKey } from './record-signer';
import type { KeyObject } from 'node:crypto';

export interface ReplayResult {
  /** True when the engine, re-run on the stored inputs, gives exactly the stored recommendation. */
  readonly reproduced: boolean;
  readonly stored: Recommendation;
  readonly replayed: Recommendation;
}

/** Re-runs the rules engine on a record's household, facts and policy values (SPEC 6.5). */
export function replayDecisionRecord(record: DecisionRecordContent): ReplayResult {
  const replayed = evaluate(record.household, record.facts, {
    version: record.policy.version,
    ...record.policy.values,
  });
  return {
    reproduced: canonicalJson(replayed) === canonicalJson(record.recommendation),
    stored: record.recommendation,
    replayed,
  };
}

/** SHA-256 (hex) of a record's canonical JSON: the `recordHash`. */
export function recordHashOf(record: DecisionRecordDocument): string {
  return sha256Hex(canonicalJson(record));
}

/** SHA-256 (hex) of one source response's canonical JSON (`null` when the source gave nothing). */
export function responseHashOf(response: unknown): string {
  return sha256Hex(canonicalJson(response ?? null));
}

/**
 * Checks a served record with nothing but the platform's public key: the hash of its canonical JSON, the signature
 * over those bytes, and the SHA-256 of every source response in it.
 */
export function checkSignedRecord(
  signed: SignedDecisionRecord,
  publicKey: KeyObject | Omit<PublicSigningKey, 'kid' | 'alg' | 'use'>,
): RecordCheck {
  const canonical = canonicalJson(signed.record);
  const sourcesIntact = signed.record.sources.every((s) => s.sha256 === responseHashOf(s.response));
  return {
    hashValid: sourcesIntact && sha256Hex(canonical) === signed.recordHash,
    signatureValid: verifySignature(publicKey, canonical, signed.signature),
  };
}
