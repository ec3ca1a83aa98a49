import type { AuditEntry } from './audit-entry.entity';
import { actorOf } from './audit-hash';
import type { AuditActor } from './audit.types';

/** An audit entry as the API shows it (SPEC 8 field names, `at` as an ISO-8601 string). */
export interface AuditEntryView {
  seq: number;
  chain: string;
  areaCode: string;
  at: string;
  actor: AuditActor;
  action: string;
  applicationId: string | null;
  detail: Record<string, unknown>;
  ip: string | null;
  prevHash: string;
  hash: string;
}

export function toAuditEntryView(entry: AuditEntry): AuditEntryView {
  return {
    seq: entry.seq,
    chain: entry.chain,
    areaCode: entry.areaCode,
    at: entry.at.toISOString(),
    actor: actorOf(entry),
    action: entry.action,
    applicationId: entry.applicationId,
    detail: entry.detail,
    ip: entry.ip,
    prevHash: entry.prevHash,
    hash: entry.hash,
  };
}

/** Filters of `GET /api/v1/audit`; `from` and `to` are inclusive. */
export interface AuditListFilter {
  applicationId?: string;
  action?: string;
  /** The actor's username. */
  actor?: string;
  from?: Date;
  to?: Date;
  /** 1-based. */
  page: number;
  pageSize: number;
}

export interface AuditPage {
  items: AuditEntryView[];
  total: number;
  page: number;
  pageSize: number;
}

export interface ChainVerification {
  chain: string;
  valid: boolean;
  /** Entries walked (up to the chain head as it was when verification started). */
  entries: number;
  /** Hash of the chain's last entry; the genesis hash for an empty chain. */
  head: string;
  /** `seq` of the first entry whose hash or link does not check out. */
  brokenAt?: number;
  /** `seq` of the first signed anchor the chain no longer matches (a rewrite, or entries removed) (SPEC 8). */
  anchorMismatchAt?: number;
}

/** SPEC 8: a chain head signed with the platform's key (Ed25519 over the canonical JSON of chain, seq, hash, at). */
export interface AuditAnchor {
  chain: string;
  seq: number;
  hash: string;
  at: string;
  signature: string;
  keyId: string;
}

export interface AuditVerification {
  valid: boolean;
  chains: ChainVerification[];
}
