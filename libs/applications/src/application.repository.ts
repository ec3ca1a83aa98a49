import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { DomainError, ErrorCode } from '@app/common';
import type { Tx } from '@app/database';
import type { ApplicationStatus } from './application-status';
import { ApplicationMember } from './application-member.entity';
import { Application } from './application.entity';
import { IdempotencyKey } from './idempotency-key.entity';
import { OpenApplicationPerson } from './open-application-person.entity';
import { CheckStatus } from './verification-check.entity';
import { VerificationRun, VerificationRunStatus } from './verification-run.entity';

export interface ListFilter {
  scopePrefix: string;
  status?: string;
  programme?: string;
  areaPrefix?: string;
  q?: string;
  page: number;
  pageSize: number;
}

/** Persistence of the application aggregate. Hot paths use explicit inserts (no read-before-write `save()`). */
@Injectable()
export class ApplicationRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Draws the township's next gap-free number `<township>-<year>-<6 digits>` and inserts the application, in one
   * statement; returns the number. The counter row stays locked until COMMIT (a rolled-back create gives its number
   * back), so callers make this one of the last statements of their transaction: every create of the township waits
   * for that lock, and it should be held for as few round trips as possible.
   */
  async insertNumbered(tx: Tx, app: Omit<Application, 'number'>): Promise<string> {
    const rows = await tx.query<{ number: string }[]>(
      `WITH drawn AS (
         INSERT INTO application_number_counters (township_code, year, last_value)
         VALUES ($2::varchar, extract(year FROM $12::date)::smallint, 1)
         ON CONFLICT (township_code, year)
           DO UPDATE SET last_value = application_number_counters.last_value + 1
         RETURNING year, last_value
       )
       INSERT INTO applications (id, number, township_code, programme, status, county_code, residence, address,
                                 applicant_name, has_able_supporter, staff_relative, created_by, created_on,
                                 created_at, updated_at, version, current_run_id, recommendation_outcome,
                                 recommendation_benefit_fen)
       SELECT $1, $2::varchar || '-' || drawn.year || '-' || lpad(drawn.last_value::text, 6, '0'),
              $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18
         FROM drawn
       RETURNING number`,
      [
        app.id,
        app.townshipCode,
        app.programme,
        app.status,
        app.countyCode,
        app.residence,
        app.address,
        app.applicantName,
        app.hasAbleSupporter,
        app.staffRelative,
        app.createdBy,
        app.createdOn,
        app.createdAt,
        app.updatedAt,
        app.version,
        app.currentRunId,
        app.recommendationOutcome,
        app.recommendationBenefitFen,
      ],
    );
    return rows[0]!.number;
  }

  /**
   * The members of an application. Their foreign key to the application is checked at COMMIT
   * (`DEFERRABLE INITIALLY DEFERRED`), so they can be written before the numbered application row.
   */
  async insertMembers(tx: Tx, members: ApplicationMember[]): Promise<void> {
    // One statement, one parameter: the hot path of every create (TypeORM's insert builder cost more CPU than the
    // statement itself).
    await tx.query(
      `INSERT INTO application_members (id, application_id, position, name, id_number_enc, id_blind_index,
                                        id_number_masked, birth_date, sex, age, relation, co_resident, exclusion,
                                        disability, employment, declared_income, declared_assets, "authorization",
                                        counted)
       SELECT id, application_id, position, name, id_number_enc, id_blind_index, id_number_masked, birth_date, sex,
              age, relation, co_resident, exclusion, disability, employment, declared_income, declared_assets,
              "authorization", counted
         FROM jsonb_to_recordset($1::jsonb) AS m(id uuid, application_id uuid, position smallint, name varchar,
              id_number_enc text, id_blind_index char(64), id_number_masked varchar, birth_date date, sex char(1),
              age smallint, relation varchar, co_resident boolean, exclusion varchar, disability jsonb,
              employment varchar, declared_income jsonb, declared_assets jsonb, "authorization" jsonb,
              counted boolean)`,
      [
        JSON.stringify(
          members.map((m) => ({
            id: m.id,
            application_id: m.applicationId,
            position: m.position,
            name: m.name,
            id_number_enc: m.idNumberEnc,
            id_blind_index: m.idBlindIndex,
            id_number_masked: m.idNumberMasked,
            birth_date: m.birthDate,
            sex: m.sex,
            age: m.age,
            relation: m.relation,
            co_resident: m.coResident,
            exclusion: m.exclusion,
            disability: m.disability,
            employment: m.employment,
            declared_income: m.declaredIncome,
            declared_assets: m.declaredAssets,
            authorization: m.authorization,
            counted: m.counted,
          })),
        ),
      ],
    );
  }

  /** Claims each person for this open application; returns the blind indexes another open application holds. */
  async claimPersons(tx: Tx, claims: OpenApplicationPerson[]): Promise<string[]> {
    if (claims.length === 0) return [];
    const wanted = claims.map((c) => c.idBlindIndex);
    // One lock order for every transaction: two households claiming the same persons cannot deadlock.
    const ordered = claims.map((c) => ({ ...c })).sort((a, b) => (a.idBlindIndex < b.idBlindIndex ? -1 : 1));
    const rows = await tx.query<{ id_blind_index: string }[]>(
      `INSERT INTO open_application_persons (id_blind_index, application_id, member_id)
       SELECT * FROM unnest($1::char(64)[], $2::uuid[], $3::uuid[])
       ON CONFLICT DO NOTHING RETURNING id_blind_index`,
      [
        ordered.map((c) => c.idBlindIndex),
        ordered.map((c) => c.applicationId),
        ordered.map((c) => c.memberId),
      ],
    );
    const won = new Set(rows.map((r) => r.id_blind_index));
    return wanted.filter((b) => !won.has(b));
  }

  /** The blind indexes among `blindIndexes` that an open application already claims (a read, not a claim). */
  async findClaimed(tx: Tx, blindIndexes: string[]): Promise<string[]> {
    if (blindIndexes.length === 0) return [];
    const rows = await tx.query<{ id_blind_index: string }[]>(
      'SELECT id_blind_index FROM open_application_persons WHERE id_blind_index = ANY($1::char(64)[])',
      [blindIndexes],
    );
    return rows.map((r) => r.id_blind_index);
  }

  async findClaimHolder(tx: Tx, blindIndex: string): Promise<Application | null> {
    const claim = await tx.findOneBy(OpenApplicationPerson, { idBlindIndex: blindIndex });
    return claim ? tx.findOneBy(Application, { id: claim.applicationId }) : null;
  }

  async releaseClaims(tx: Tx, applicationId: string, memberIds?: string[]): Promise<void> {
    const qb = tx
      .createQueryBuilder()
      .delete()
      .from(OpenApplicationPerson)
      .where('application_id = :applicationId', { applicationId });
    if (memberIds) qb.andWhere('member_id IN (:...memberIds)', { memberIds });
    await qb.execute();
  }

  findById(id: string, tx?: Tx): Promise<Application | null> {
    return (tx ?? this.dataSource.manager).findOneBy(Application, { id });
  }

  /**
   * Reads the application and locks its row until the transaction ends, so a workflow step sees the state it changes
   * (a concurrent step waits, then finds the new version and answers 409).
   */
  lockForTransition(tx: Tx, id: string): Promise<Application | null> {
    return tx.findOne(Application, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /** Several applications in one read (batched verification completion). */
  findManyByIds(ids: readonly string[], tx?: Tx): Promise<Application[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return (tx ?? this.dataSource.manager).findBy(Application, { id: In([...ids]) });
  }

  /** The members of several applications in one read, in position order per application. */
  findMembersOfMany(applicationIds: readonly string[], tx?: Tx): Promise<ApplicationMember[]> {
    if (applicationIds.length === 0) return Promise.resolve([]);
    return (tx ?? this.dataSource.manager).find(ApplicationMember, {
      where: { applicationId: In([...applicationIds]) },
      order: { applicationId: 'ASC', position: 'ASC' },
    });
  }

  findMembers(applicationId: string, tx?: Tx): Promise<ApplicationMember[]> {
    return (tx ?? this.dataSource.manager).find(ApplicationMember, {
      where: { applicationId },
      order: { position: 'ASC' },
    });
  }

  /** Optimistic concurrency: the row changes only if nobody changed it since `expectedVersion` was read. */
  async transition(
    tx: Tx,
    app: Application,
    changes: {
      status?: ApplicationStatus;
      currentRunId?: string | null;
      recommendationOutcome?: string | null;
      recommendationBenefitFen?: number | null;
    },
    now: Date,
  ): Promise<Application> {
    const result = await tx
      .createQueryBuilder()
      .update(Application)
      .set({ ...changes, version: () => 'version + 1', updatedAt: now })
      .where('id = :id AND version = :version', { id: app.id, version: app.version })
      .execute();
    if (result.affected !== 1) {
      throw new DomainError(
        ErrorCode.VERSION_CONFLICT,
        'The application was changed by someone else; reload and retry',
      );
    }
    return { ...app, ...changes, version: app.version + 1, updatedAt: now };
  }

  async setAuthorization(
    tx: Tx,
    memberId: string,
    authorization: ApplicationMember['authorization'],
  ): Promise<void> {
    await tx
      .createQueryBuilder()
      .update(ApplicationMember)
      .set({ authorization })
      .where('id = :memberId', { memberId })
      .execute();
  }

  async insertRun(tx: Tx, run: VerificationRun): Promise<void> {
    await tx.query(
      `INSERT INTO verification_runs (id, application_id, status, started_at, completed_at, pass, reconciled_at,
                                      owner_kind, owner_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        run.id,
        run.applicationId,
        run.status,
        run.startedAt,
        run.completedAt,
        run.pass,
        run.reconciledAt,
        run.ownerKind ?? 'APPLICATION',
        run.ownerId ?? run.applicationId,
      ],
    );
  }

  /** Cancels the running run and its pending checks (SPEC 5.3: a revoked authorisation cancels pending checks). */
  async cancelRunningRuns(tx: Tx, applicationId: string, now: Date): Promise<void> {
    await tx.query(
      `WITH cancelled AS (
         UPDATE verification_runs SET status = $2, completed_at = $4
          WHERE application_id = $1 AND status = $3
         RETURNING id
       )
       UPDATE verification_checks SET status = $5, completed_at = $4
        WHERE run_id IN (SELECT id FROM cancelled) AND status = $6`,
      [
        applicationId,
        VerificationRunStatus.CANCELLED,
        VerificationRunStatus.RUNNING,
        now,
        CheckStatus.CANCELLED,
        CheckStatus.PENDING,
      ],
    );
  }

  async findIdempotencyKey(
    actorId: string,
    key: string,
  ): Promise<Pick<IdempotencyKey, 'requestHash' | 'applicationId'> | null> {
    const rows = await this.dataSource.query<{ request_hash: string; application_id: string }[]>(
      `SELECT request_hash, application_id FROM idempotency_keys WHERE actor_id = $1 AND key = $2`,
      [actorId, key],
    );
    const row = rows[0];
    return row ? { requestHash: row.request_hash, applicationId: row.application_id } : null;
  }

  /** False when another request already holds the key (its transaction has committed by the time this returns). */
  async insertIdempotencyKey(tx: Tx, row: IdempotencyKey): Promise<boolean> {
    const rows = await tx.query<unknown[]>(
      `INSERT INTO idempotency_keys (actor_id, key, request_hash, application_id, created_at)
       VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING RETURNING key`,
      [row.actorId, row.key, row.requestHash, row.applicationId, row.createdAt],
    );
    return rows.length === 1;
  }

  async list(
    filter: ListFilter,
  ): Promise<{ items: (Application & { memberCount: number })[]; total: number }> {
    const qb = this.dataSource.manager
      .createQueryBuilder(Application, 'a')
      .where('a.township_code LIKE :scope', { scope: `${filter.scopePrefix}%` });
    if (filter.areaPrefix) qb.andWhere('a.township_code LIKE :area', { area: `${filter.areaPrefix}%` });
    if (filter.status) qb.andWhere('a.status = :status', { status: filter.status });
    if (filter.programme) qb.andWhere('a.programme = :programme', { programme: filter.programme });
    if (filter.q) {
      const like = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      qb.andWhere('(a.number ILIKE :q OR a.applicant_name ILIKE :q)', { q: like });
    }
    const total = await qb.getCount();
    const rows = await qb
      .clone()
      .addSelect('(SELECT count(*) FROM application_members m WHERE m.application_id = a.id)', 'member_count')
      .orderBy('a.created_at', 'DESC')
      .addOrderBy('a.number', 'DESC')
      .offset((filter.page - 1) * filter.pageSize)
      .limit(filter.pageSize)
      .getRawAndEntities();
    const items = rows.entities.map((entity, i) => ({
      ...entity,
      memberCount: Number((rows.raw[i] as { member_count: string }).member_count),
    }));
    return { items, total };
  }
}
