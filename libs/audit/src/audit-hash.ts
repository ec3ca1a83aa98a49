import { canonicalJson, sha256Hex } from '@app/common';
import type { AuditEntry } from './audit-entry.entity';
import type { AuditActor } from './audit.types';

/** The predecessor of every chain's first entry. */
export const GENESIS_HASH = '0'.repeat(64);

/** Everything an entry's hash covers: all of its fields except the hash itself. */
export interface AuditHashInput {
  seq: number;
  chain: string;
  areaCode: string;
  at: Date;
  actor: AuditActor;
  action: string;
  applicationId: string | null;
  detail: Record<string, unknown>;
  ip: string | null;
  prevHash: string;
}

/** SPEC 8: SHA-256 over the previous hash followed by the entry's RFC 8785 canonical JSON. */
export function auditEntryHash(entry: AuditHashInput): string {
  const body = {
    seq: entry.seq,
    chain: entry.chain,
    areaCode: entry.areaCode,
    // toISOString always has millisecond precision, which is exactly what a JS Date round-trips through timestamptz.
    at: entry.at.toISOString(),
    actor: {
      userId: entry.actor.userId,
      username: entry.actor.username,
      role: entry.actor.role,
      areaCode: entry.actor.areaCode,
    },
    action: entry.action,
    applicationId: entry.applicationId,
    detail: entry.detail,
    ip: entry.ip,
    prevHash: entry.prevHash,
  };
  return sha256Hex(entry.prevHash + canonicalJson(body));
}

/** The hash input of a stored entry, for re-computation by the verifier. */
export function hashInputOf(entry: AuditEntry): AuditHashInput {
  return {
    seq: entry.seq,
    chain: entry.chain,
    areaCode: entry.areaCode,
    at: entry.at,
    actor: actorOf(entry),
    action: entry.action,
    applicationId: entry.applicationId,
    detail: entry.detail,
    ip: entry.ip,
    prevHash: entry.prevHash,
  };
}

export function actorOf(entry: AuditEntry): AuditActor {
  return {
    userId: entry.actorUserId,
    username: entry.actorUsername,
    role: entry.actorRole,
    areaCode: entry.actorAreaCode,
  };
}
