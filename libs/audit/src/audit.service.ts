import { Inject, Injectable, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AreaLevel, areaLevelOf, cityOf, countyOf, isWithinScope, scopePrefix } from '@app/areas';
import { canonicalJson, DomainError, RecordSigner, verifySignature } from '@app/common';
import { appConfig, DEV_DEFAULTS, type AppConfigType } from '@app/config';
import { runInTransaction } from '@app/database';
import { AuditChainHead } from './audit-chain-head.entity';
import { AuditEntry } from './audit-entry.entity';
import { GENESIS_HASH, auditEntryHash, hashInputOf } from './audit-hash';
import {
  toAuditEntryView,
  type AuditEntryView,
  type AuditListFilter,
  type AuditPage,
  type AuditAnchor,
  type AuditVerification,
  type ChainVerification,
} from './audit-view';
import type { AuditEntryInput } from './audit.types';

/** Entries read per round trip while verifying; a chain is never loaded whole. */
const DEFAULT_VERIFY_BATCH = 1000;

export interface VerifyOptions {
  batchSize?: number;
}

/** The chain an area's actions are recorded in: its county's, or the city's for city-level actions (SPEC 8). */
export function chainOf(areaCode: string): string {
  const level = areaLevelOf(areaCode);
  if (level === null) throw new Error(`Not an area code: ${areaCode}`);
  return countyOf(areaCode) ?? cityOf(areaCode);
}

/** True for codes that name a chain: a county or a city. */
export function isChainCode(code: string): boolean {
  const level = areaLevelOf(code);
  return level === AreaLevel.COUNTY || level === AreaLevel.CITY;
}

/** The hash-chained, append-only audit trail of SPEC 8. */
@Injectable()
export class AuditService {
  private readonly signer: RecordSigner;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Optional() @Inject(appConfig.KEY) config?: AppConfigType,
  ) {
    // Without configuration (CLI and lib tests build the service by hand) the documented development key.
    this.signer = new RecordSigner(config?.signingKeySeed ?? Buffer.from(DEV_DEFAULTS.SIGNING_KEY, 'hex'));
  }

  /**
   * SPEC 8: signs the head of every chain (or of `chains`) that moved since its last anchor; returns the anchors of
   * those chains as they stand now (new or latest). Several workers may anchor at once: one row per (chain, seq).
   */
  async takeAnchors(chains?: string[]): Promise<AuditAnchor[]> {
    const names = chains ?? (await this.listChains());
    const anchors: AuditAnchor[] = [];
    for (const chain of names) {
      const head = await this.readHead(chain);
      if (!head || head.lastSeq === 0) continue;
      const at = new Date().toISOString();
      const signed = { chain, seq: head.lastSeq, hash: head.lastHash, at };
      const anchor: AuditAnchor = {
        ...signed,
        signature: this.signer.sign(canonicalJson(signed)),
        keyId: this.signer.keyId,
      };
      await this.dataSource.query(
        `INSERT INTO audit_anchors (chain, seq, hash, at, signature, key_id) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (chain, seq) DO NOTHING`,
        [chain, anchor.seq, anchor.hash, anchor.at, anchor.signature, anchor.keyId],
      );
      const [stored] = await this.listAnchors({ chains: [chain], fromSeq: anchor.seq, limit: 1 });
      if (stored) anchors.push(stored);
    }
    return anchors;
  }

  /** Anchors of the given chains, oldest first, optionally from a `seq` or an instant on. */
  async listAnchors(filter: {
    chains: string[];
    fromSeq?: number;
    from?: Date;
    limit?: number;
  }): Promise<AuditAnchor[]> {
    const rows = await this.dataSource.query<
      { chain: string; seq: string; hash: string; at: Date; signature: string; key_id: string }[]
    >(
      `SELECT chain, seq::text AS seq, hash, at, signature, key_id FROM audit_anchors
        WHERE chain = ANY($1::text[]) AND seq >= $2 AND at >= $3
        ORDER BY chain, seq LIMIT $4`,
      [filter.chains, filter.fromSeq ?? 0, filter.from ?? new Date(0), filter.limit ?? 1000],
    );
    return rows.map((r) => ({
      chain: r.chain,
      seq: Number(r.seq),
      hash: r.hash,
      at: new Date(r.at).toISOString(),
      signature: r.signature,
      keyId: r.key_id,
    }));
  }

  /**
   * Appends one entry inside the caller's transaction, so a state change and its audit entry commit together.
   * The chain's head row stays locked until that transaction ends: append as late in it as you can.
   */
  async append(tx: EntityManager, input: AuditEntryInput): Promise<AuditEntry> {
    // Outside a transaction the head lock would be released at once and concurrent appends could fork the chain.
    if (!tx.queryRunner?.isTransactionActive)
      throw new Error('AuditService.append needs an open transaction');
    const chain = chainOf(input.areaCode);
    // Stored as jsonb and read back through JSON.parse: hash exactly the value that round-trips.
    const detail = JSON.parse(JSON.stringify(input.detail ?? {})) as Record<string, unknown>;
    const { prevHash, seq } = await this.lockHead(tx, chain);

    const entry = new AuditEntry();
    entry.seq = seq;
    entry.chain = chain;
    entry.areaCode = input.areaCode;
    entry.at = new Date();
    // uuid columns come back in lower case; hash the stored form.
    entry.actorUserId = input.actor.userId?.toLowerCase() ?? null;
    entry.actorUsername = input.actor.username;
    entry.actorRole = input.actor.role;
    entry.actorAreaCode = input.actor.areaCode;
    entry.action = input.action;
    entry.applicationId = input.applicationId?.toLowerCase() ?? null;
    entry.detail = detail;
    entry.ip = input.ip ?? null;
    entry.prevHash = prevHash;
    entry.hash = auditEntryHash(hashInputOf(entry));

    await tx.query(
      `WITH entry AS (
         INSERT INTO audit_entries (seq, chain, area_code, at, actor_user_id, actor_username, actor_role,
                                    actor_area_code, action, application_id, detail, ip, prev_hash, hash)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
       )
       UPDATE audit_chain_heads SET last_seq = $1, last_hash = $14 WHERE chain = $2`,
      [
        entry.seq,
        entry.chain,
        entry.areaCode,
        entry.at,
        entry.actorUserId,
        entry.actorUsername,
        entry.actorRole,
        entry.actorAreaCode,
        entry.action,
        entry.applicationId,
        JSON.stringify(entry.detail),
        entry.ip,
        entry.prevHash,
        entry.hash,
      ],
    );
    return entry;
  }

  /** For actions that write nothing else (logins, denied accesses): the entry in a transaction of its own. */
  appendInOwnTransaction(input: AuditEntryInput): Promise<AuditEntry> {
    return runInTransaction(this.dataSource, (tx) => this.append(tx, input));
  }

  /** `GET /api/v1/audit`: entries whose area lies inside `scopeAreaCode`, oldest first. */
  async list(filter: AuditListFilter, scopeAreaCode: string): Promise<AuditPage> {
    const { page, pageSize } = filter;
    const level = areaLevelOf(scopeAreaCode);
    if (level === null) return { items: [], total: 0, page, pageSize };
    const qb = this.dataSource
      .getRepository(AuditEntry)
      .createQueryBuilder('e')
      .where('e.areaCode LIKE :prefix AND length(e.areaCode) >= :scopeLength', {
        prefix: `${scopePrefix(scopeAreaCode)}%`,
        scopeLength: scopeAreaCode.length,
      });
    // Below the city everything in scope lives in one county's chain, which the (chain, seq) index serves.
    if (level !== AreaLevel.CITY) qb.andWhere('e.chain = :chain', { chain: chainOf(scopeAreaCode) });
    if (filter.applicationId !== undefined)
      qb.andWhere('e.applicationId = :applicationId', { applicationId: filter.applicationId.toLowerCase() });
    if (filter.action !== undefined) qb.andWhere('e.action = :action', { action: filter.action });
    if (filter.actor !== undefined) qb.andWhere('e.actorUsername = :actor', { actor: filter.actor });
    if (filter.from !== undefined) qb.andWhere('e.at >= :from', { from: filter.from });
    if (filter.to !== undefined) qb.andWhere('e.at <= :to', { to: filter.to });
    const [entries, total] = await qb
      .orderBy('e.seq', 'ASC')
      .offset((page - 1) * pageSize)
      .limit(pageSize)
      .getManyAndCount();
    return { items: entries.map(toAuditEntryView), total, page, pageSize };
  }

  /** An application's entries in chain order (its entries all live in its county's chain). */
  async listForApplication(applicationId: string): Promise<AuditEntryView[]> {
    const entries = await this.dataSource
      .getRepository(AuditEntry)
      .createQueryBuilder('e')
      .where('e.applicationId = :applicationId', { applicationId: applicationId.toLowerCase() })
      .orderBy('e.seq', 'ASC')
      .getMany();
    return entries.map(toAuditEntryView);
  }

  /** The users who performed any of `actions` on an application, from its entries (separation-of-duties checks). */
  async actorIdsOf(applicationId: string, actions: readonly string[], tx?: EntityManager): Promise<string[]> {
    if (actions.length === 0) return [];
    const rows = await (tx ?? this.dataSource.manager).query<{ actor_user_id: string }[]>(
      `SELECT DISTINCT actor_user_id FROM audit_entries
        WHERE application_id = $1 AND action = ANY($2::text[]) AND actor_user_id IS NOT NULL`,
      [applicationId.toLowerCase(), actions],
    );
    return rows.map((r) => r.actor_user_id);
  }

  /** Every chain that has a head or an entry, sorted. */
  async listChains(): Promise<string[]> {
    // A recursive skip scan reads one index entry per chain instead of every entry.
    const rows = await this.dataSource.query<{ chain: string }[]>(
      `WITH RECURSIVE chains AS (
         (SELECT chain FROM audit_entries ORDER BY chain LIMIT 1)
         UNION ALL
         SELECT (SELECT e.chain FROM audit_entries e WHERE e.chain > chains.chain ORDER BY e.chain LIMIT 1)
         FROM chains WHERE chains.chain IS NOT NULL
       )
       SELECT chain FROM chains WHERE chain IS NOT NULL
       UNION
       SELECT chain FROM audit_chain_heads
       ORDER BY chain`,
    );
    return rows.map((r) => r.chain);
  }

  /** The chains an auditor bound to `scopeAreaCode` may verify: a county its own, the city every chain. */
  async chainsInScope(scopeAreaCode: string): Promise<string[]> {
    const chains = (await this.listChains()).filter((chain) => isWithinScope(chain, scopeAreaCode));
    if (isChainCode(scopeAreaCode) && !chains.includes(scopeAreaCode)) chains.push(scopeAreaCode);
    return chains.sort();
  }

  /**
   * `GET /api/v1/audit/verify`: one chain, or every chain in the caller's scope. A chain outside the scope, or one
   * that has never been written and is not the caller's own, is not found (SPEC 2.2: never reveal what lies outside).
   */
  async verifyInScope(scopeAreaCode: string, chain?: string): Promise<AuditVerification> {
    if (chain === undefined) return this.verify(await this.chainsInScope(scopeAreaCode));
    if (!isChainCode(chain) || !isWithinScope(chain, scopeAreaCode))
      throw DomainError.notFound('Audit chain');
    if (chain !== scopeAreaCode && !(await this.listChains()).includes(chain))
      throw DomainError.notFound('Audit chain');
    return this.verify([chain]);
  }

  /** Recomputes every hash and checks every link of the given chains (default: all), in batches. */
  async verify(chains?: string[], options: VerifyOptions = {}): Promise<AuditVerification> {
    const batchSize = options.batchSize ?? DEFAULT_VERIFY_BATCH;
    const names = chains ?? (await this.listChains());
    const results: ChainVerification[] = [];
    for (const chain of names) results.push(await this.verifyChain(chain, batchSize));
    return { valid: results.every((r) => r.valid), chains: results };
  }

  private async verifyChain(chain: string, batchSize: number): Promise<ChainVerification> {
    // The head is read first: entries appended while we walk lie beyond it and are left for the next run.
    let head = await this.readHead(chain);
    // A chain's first append may commit between the two reads; re-reading tells that from a removed head.
    if (head === null && (await this.hasEntries(chain))) head = await this.readHead(chain);
    const until = head?.lastSeq ?? Number.MAX_SAFE_INTEGER;

    let entries = 0;
    let firstSeq: number | undefined;
    let lastSeq = 0;
    let lastHash = GENESIS_HASH;
    let brokenAt: number | undefined;
    for (;;) {
      const batch = await this.dataSource
        .getRepository(AuditEntry)
        .createQueryBuilder('e')
        .where('e.chain = :chain AND e.seq > :after AND e.seq <= :until', { chain, after: lastSeq, until })
        .orderBy('e.seq', 'ASC')
        .limit(batchSize)
        .getMany();
      for (const entry of batch) {
        entries++;
        firstSeq ??= entry.seq;
        const intact = entry.prevHash === lastHash && auditEntryHash(hashInputOf(entry)) === entry.hash;
        if (!intact) brokenAt ??= entry.seq;
        lastSeq = entry.seq;
        lastHash = entry.hash;
      }
      if (batch.length < batchSize) break;
    }

    // Entries without a head, or a head the walk does not end on, mean rows were removed or the head was forged.
    if (head === null) {
      if (firstSeq !== undefined) brokenAt ??= firstSeq;
    } else if (head.lastSeq !== lastSeq || head.lastHash !== lastHash) {
      brokenAt ??= head.lastSeq > 0 ? head.lastSeq : (firstSeq ?? 0);
    }
    const anchorMismatchAt = await this.firstAnchorMismatch(chain);
    const result: ChainVerification = {
      chain,
      valid: brokenAt === undefined && anchorMismatchAt === undefined,
      entries,
      head: lastHash,
    };
    if (brokenAt !== undefined) result.brokenAt = brokenAt;
    if (anchorMismatchAt !== undefined) result.anchorMismatchAt = anchorMismatchAt;
    return result;
  }

  /**
   * SPEC 8: the `seq` of the first anchor whose signature does not verify with the platform's key, or whose entry
   * is gone or has another hash. A chain rewritten whole (hashes recomputed, head moved) still fails here.
   */
  private async firstAnchorMismatch(chain: string): Promise<number | undefined> {
    const rows = await this.dataSource.query<
      { seq: string; hash: string; at: Date; signature: string; entry_hash: string | null }[]
    >(
      `SELECT a.seq::text AS seq, a.hash, a.at, a.signature, e.hash AS entry_hash
         FROM audit_anchors a LEFT JOIN audit_entries e ON e.chain = a.chain AND e.seq = a.seq
        WHERE a.chain = $1 ORDER BY a.seq`,
      [chain],
    );
    const publicKey = this.signer.publicKey;
    for (const row of rows) {
      const signed = { chain, seq: Number(row.seq), hash: row.hash, at: new Date(row.at).toISOString() };
      const genuine = verifySignature(publicKey, canonicalJson(signed), row.signature);
      if (!genuine || row.entry_hash !== row.hash) return Number(row.seq);
    }
    return undefined;
  }

  /** Locks the chain's head row (creating it for a chain's first entry) and draws the new entry's seq. */
  private async lockHead(tx: EntityManager, chain: string): Promise<{ prevHash: string; seq: number }> {
    // nextval runs in the outer query, after the CTE has waited for the lock: seq order is chain order.
    const lockSql = `WITH head AS (SELECT last_hash FROM audit_chain_heads WHERE chain = $1 FOR UPDATE)
                     SELECT head.last_hash, nextval(pg_get_serial_sequence('audit_entries', 'seq')) AS seq FROM head`;
    let rows = await tx.query<{ last_hash: string; seq: string }[]>(lockSql, [chain]);
    if (rows.length === 0) {
      await tx.query(
        `INSERT INTO audit_chain_heads (chain, last_seq, last_hash) VALUES ($1, 0, $2) ON CONFLICT (chain) DO NOTHING`,
        [chain, GENESIS_HASH],
      );
      rows = await tx.query<{ last_hash: string; seq: string }[]>(lockSql, [chain]);
    }
    const row = rows[0];
    if (!row) throw new Error(`Audit chain head ${chain} could not be locked`);
    return { prevHash: row.last_hash, seq: Number(row.seq) };
  }

  private readHead(chain: string): Promise<AuditChainHead | null> {
    return this.dataSource.getRepository(AuditChainHead).findOneBy({ chain });
  }

  private async hasEntries(chain: string): Promise<boolean> {
    return (await this.firstSeq(chain)) !== undefined;
  }

  private async firstSeq(chain: string): Promise<number | undefined> {
    const first = await this.dataSource
      .getRepository(AuditEntry)
      .createQueryBuilder('e')
      .where('e.chain = :chain', { chain })
      .orderBy('e.seq', 'ASC')
      .limit(1)
      .getOne();
    return first?.seq;
  }
}
