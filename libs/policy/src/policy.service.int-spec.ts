import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Role, type AuthUser } from '@app/access';
import { Area, AreaLevel, areaLevelOf } from '@app/areas';
import { AuditEntry, AuditService } from '@app/audit';
import { DomainError, ErrorCode } from '@app/common';
import { dataSourceOptions, pgErrorCode } from '@app/database';
import { YONGZHOU_DEMO_PARAMETERS } from '@app/eligibility';
import { createTestDatabase, type TestDatabase } from '@app/testing';
import { PolicyParameterVersion } from './policy-parameter-version.entity';
import { SEEDED_REVIEW_POLICY, type PolicyValues } from './policy-version-validation';
import { YONGZHOU_DEMO_POLICY_VERSION_ID } from './policy-view';
import { PolicyService } from './policy.service';

// Each test adds versions for counties of its own, so the resolutions of one never see another's versions.

const { version: _demoVersion, ...ENGINE_VALUES } = YONGZHOU_DEMO_PARAMETERS;
// SPEC 6.1: the engine's ten parameters and the two of dynamic management (11.2), seeded by their own migration.
const DEMO_VALUES = { ...ENGINE_VALUES, ...SEEDED_REVIEW_POLICY };

function user(roles: Role[], areaCode: string): AuthUser {
  return {
    id: randomUUID(),
    username: `u-${areaCode}`,
    roles,
    areaCode,
    areaLevel: areaLevelOf(areaCode) ?? AreaLevel.CITY,
  };
}

const admin = user([Role.ADMIN], '431100');

function versionBody(areaCode: string, effectiveFrom: string, values: Partial<PolicyValues> = {}) {
  return {
    areaCode,
    effectiveFrom,
    values: { ...DEMO_VALUES, ...values },
    legalBasis: `${areaCode} 民政局 文件 ${effectiveFrom}`,
  };
}

async function failureOf(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

describe('PolicyService (PostgreSQL)', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let audit: AuditService;
  let policy: PolicyService;

  beforeAll(async () => {
    db = await createTestDatabase();
    // The refusals below are expected; TypeORM would log each one as a failed query.
    dataSource = await new DataSource({ ...dataSourceOptions(db.url, 10), logging: false }).initialize();
    audit = new AuditService(dataSource);
    policy = new PolicyService(dataSource, audit);
  });

  afterAll(async () => {
    await dataSource.destroy();
    await db.drop();
  });

  function auditEntries(action: string, areaCode?: string): Promise<AuditEntry[]> {
    return dataSource
      .getRepository(AuditEntry)
      .find({ where: { action, ...(areaCode ? { areaCode } : {}) }, order: { seq: 'ASC' } });
  }

  describe('resolution', () => {
    it('applies the seeded Yongzhou demonstration set to a township on 2026-11-23', async () => {
      const effective = await policy.effectiveFor('431102001', '2026-11-23');
      expect(effective).toEqual({
        ...YONGZHOU_DEMO_PARAMETERS,
        ...SEEDED_REVIEW_POLICY,
        version: YONGZHOU_DEMO_POLICY_VERSION_ID,
        areaCode: '431100',
        effectiveFrom: '2026-01-01',
        legalBasis: expect.stringMatching(/^DEMONSTRATION DATA — not an official Yongzhou standard\./),
      });
      expect(effective.legalBasis).toMatch(/must be loaded by the city/);
      // The city itself, a county and a village below it resolve to the same set.
      for (const area of ['431100', '431102', '431102001001'])
        expect((await policy.effectiveFor(area, '2026-11-23')).version).toBe(YONGZHOU_DEMO_POLICY_VERSION_ID);
    });

    it('prefers a county’s version over the city’s, for the county and everything below it', async () => {
      const county = await policy.addVersion(
        admin,
        versionBody('431103', '2026-03-01', { dibaoStandardUrbanFen: 70000 }),
      );

      const township = await policy.effectiveFor('431103001', '2026-11-23');
      expect(township).toMatchObject({
        version: county.version,
        areaCode: '431103',
        effectiveFrom: '2026-03-01',
        dibaoStandardUrbanFen: 70000,
        dibaoStandardRuralFen: 45000,
      });
      expect((await policy.effectiveFor('431103', '2026-11-23')).version).toBe(county.version);
      // Another county, and the city itself, keep the city's set.
      expect((await policy.effectiveFor('431102001', '2026-11-23')).version).toBe(
        YONGZHOU_DEMO_POLICY_VERSION_ID,
      );
      expect((await policy.effectiveFor('431100', '2026-11-23')).version).toBe(
        YONGZHOU_DEMO_POLICY_VERSION_ID,
      );
      // Before the county's first version takes effect, the city's applies.
      expect((await policy.effectiveFor('431103001', '2026-02-28')).version).toBe(
        YONGZHOU_DEMO_POLICY_VERSION_ID,
      );
    });

    it('takes the latest effectiveFrom not after the date; a future version does not apply yet', async () => {
      const feb = await policy.addVersion(admin, versionBody('431181', '2026-02-01', { maxDwellings: 2 }));
      const jul = await policy.addVersion(admin, versionBody('431181', '2026-07-01', { maxDwellings: 3 }));
      const next = await policy.addVersion(admin, versionBody('431181', '2027-01-01', { maxDwellings: 4 }));

      const on = async (date: string) => (await policy.effectiveFor('431181001', date)).version;
      expect(await on('2026-01-31')).toBe(YONGZHOU_DEMO_POLICY_VERSION_ID);
      expect(await on('2026-02-01')).toBe(feb.version);
      expect(await on('2026-06-30')).toBe(feb.version);
      expect(await on('2026-07-01')).toBe(jul.version);
      expect(await on('2026-12-31')).toBe(jul.version);
      expect(await on('2027-01-01')).toBe(next.version);
      expect((await policy.effectiveFor('431181001', '2026-11-23')).maxDwellings).toBe(3);

      expect(
        (await policy.listVersions('431181')).map((v) => [v.effectiveFrom, v.values.maxDwellings]),
      ).toEqual([
        ['2026-02-01', 2],
        ['2026-07-01', 3],
        ['2027-01-01', 4],
      ]);
    });

    it('finds nothing before every version, and refuses malformed input with every problem', async () => {
      const none = await failureOf(policy.effectiveFor('431102001', '2025-12-31'));
      expect(none).toMatchObject({ code: ErrorCode.NOT_FOUND, message: 'Policy parameters not found' });
      expect((await failureOf(policy.effectiveFor('110101', '2026-11-23'))).code).toBe(ErrorCode.NOT_FOUND);

      const bad = await failureOf(policy.effectiveFor('4311', '2026-02-30'));
      expect(bad.code).toBe(ErrorCode.VALIDATION_FAILED);
      expect(bad.errors?.map((e) => e.path)).toEqual(['areaCode', 'on']);
    });
  });

  describe('reading in the caller’s scope', () => {
    it('lets a township station read its township, county and city, and nothing beside them', async () => {
      const operator = user([Role.STATION_OPERATOR], '431122100');
      for (const areaCode of ['431122100', '431122', '431100'])
        expect(await policy.effectiveForCaller(operator, areaCode, '2026-11-23')).toEqual({
          areaCode: '431100',
          effectiveFrom: '2026-01-01',
          legalBasis: expect.stringContaining('DEMONSTRATION DATA'),
          version: YONGZHOU_DEMO_POLICY_VERSION_ID,
          values: DEMO_VALUES,
        });

      const deniedBefore = (await auditEntries('access.denied', '431122100')).length;
      for (const areaCode of ['431122101', '431102', '431102001', '430100'])
        expect(await failureOf(policy.effectiveForCaller(operator, areaCode, '2026-11-23'))).toMatchObject({
          code: ErrorCode.NOT_FOUND,
          message: 'Policy parameters not found',
        });
      const denied = (await auditEntries('access.denied', '431122100')).slice(deniedBefore);
      expect(denied.map((e) => e.detail.areaCode)).toEqual(['431122101', '431102', '431102001', '430100']);
      expect(denied[0]).toMatchObject({ chain: '431122', actorUsername: operator.username });
    });

    it('defaults to the caller’s own area and today, and answers not-found for an unknown area in scope', async () => {
      // Effective since 2000, so whatever today is, this county's own version applies.
      const longStanding = await policy.addVersion(admin, versionBody('431123', '2000-01-01'));
      const countyOfficer = user([Role.VERIFICATION_OFFICER], '431123');
      expect(await policy.effectiveForCaller(countyOfficer, undefined, undefined)).toMatchObject({
        areaCode: '431123',
        version: longStanding.version,
      });

      const supervisor = user([Role.CITY_SUPERVISOR], '431100');
      expect(await failureOf(policy.effectiveForCaller(supervisor, '431102999', '2026-11-23'))).toMatchObject(
        {
          code: ErrorCode.NOT_FOUND,
          message: 'Area not found',
        },
      );
      const bad = await failureOf(policy.effectiveForCaller(supervisor, '431102', '23.11.2026'));
      expect(bad.errors).toEqual([{ path: 'on', message: 'on must be a real date written YYYY-MM-DD' }]);
    });
  });

  describe('adding a version', () => {
    it('stores the version and exactly one audit entry in the area’s chain', async () => {
      const ip = '10.9.8.7';
      const added = await policy.addVersion(
        admin,
        versionBody('431124', '2026-05-01', { edgeMultiplier: 1.65 }),
        ip,
      );
      expect(added).toEqual({
        areaCode: '431124',
        effectiveFrom: '2026-05-01',
        legalBasis: '431124 民政局 文件 2026-05-01',
        version: expect.stringMatching(/^[0-9a-f-]{36}$/),
        values: { ...DEMO_VALUES, edgeMultiplier: 1.65 },
        createdBy: admin.id,
        createdAt: expect.any(String),
      });
      const row = await dataSource
        .getRepository(PolicyParameterVersion)
        .findOneByOrFail({ id: added.version });
      expect({ ...row, createdAt: row.createdAt.toISOString() }).toEqual({
        id: added.version,
        areaCode: added.areaCode,
        effectiveFrom: added.effectiveFrom,
        values: added.values,
        legalBasis: added.legalBasis,
        createdBy: added.createdBy,
        createdAt: added.createdAt,
      });

      const entries = await auditEntries('policy.version-added', '431124');
      expect(entries).toHaveLength(1);
      expect(entries[0]).toMatchObject({
        chain: '431124',
        actorUserId: admin.id,
        actorUsername: admin.username,
        actorRole: 'ADMIN',
        actorAreaCode: '431100',
        ip,
        detail: {
          version: added.version,
          areaCode: '431124',
          effectiveFrom: '2026-05-01',
          values: added.values,
          legalBasis: added.legalBasis,
        },
      });
      expect((await audit.verify(['431124'])).valid).toBe(true);

      const cityVersion = await policy.addVersion(admin, versionBody('431100', '2030-01-01'));
      const cityEntries = await auditEntries('policy.version-added', '431100');
      expect(cityEntries.map((e) => [e.chain, e.detail.version])).toEqual([['431100', cityVersion.version]]);
    });

    it('refuses a second version of the same area and date with a conflict and leaves no audit entry', async () => {
      const first = await policy.addVersion(admin, versionBody('431125', '2026-04-01'));
      const error = await failureOf(
        policy.addVersion(admin, versionBody('431125', '2026-04-01', { maxDwellings: 9 })),
      );
      expect(error.code).toBe(ErrorCode.CONFLICT);
      expect(error.message).toMatch(/431125 already has a policy version effective 2026-04-01/);

      expect((await policy.listVersions('431125')).map((v) => v.version)).toEqual([first.version]);
      expect(await auditEntries('policy.version-added', '431125')).toHaveLength(1);
    });

    it('lets exactly one of two simultaneous identical additions through', async () => {
      const results = await Promise.allSettled(
        [1, 2].map(() => policy.addVersion(admin, versionBody('431126', '2026-06-01'))),
      );
      expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
      const rejected = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
      expect((rejected?.reason as DomainError).code).toBe(ErrorCode.CONFLICT);
      expect(await policy.listVersions('431126')).toHaveLength(1);
      expect(await auditEntries('policy.version-added', '431126')).toHaveLength(1);
    });

    it('writes the version and its audit entry in one transaction: a failing audit append leaves no version', async () => {
      const failingAudit = Object.create(audit) as AuditService;
      failingAudit.append = async (tx, input) => {
        await audit.append(tx, input);
        throw new Error('the audit trail is unavailable');
      };
      const failing = new PolicyService(dataSource, failingAudit);
      await expect(failing.addVersion(admin, versionBody('431127', '2026-08-01'))).rejects.toThrow(
        'the audit trail is unavailable',
      );
      expect(await policy.listVersions('431127')).toEqual([]);
      expect(await auditEntries('policy.version-added', '431127')).toEqual([]);
    });

    it('lists every problem of an invalid version at once and stores nothing', async () => {
      const error = await failureOf(
        policy.addVersion(admin, {
          areaCode: '431128001',
          effectiveFrom: '2026-13-01',
          values: { ...DEMO_VALUES, edgeMultiplier: 1.2345678, dibaoStandardUrbanFen: 650.5, extra: true },
          legalBasis: '',
          note: 'unknown',
        }),
      );
      expect(error.code).toBe(ErrorCode.VALIDATION_FAILED);
      expect(error.errors?.map((e) => e.path).sort()).toEqual([
        'areaCode',
        'effectiveFrom',
        'legalBasis',
        'note',
        'values.dibaoStandardUrbanFen',
        'values.edgeMultiplier',
        'values.extra',
      ]);

      const unknownArea = await failureOf(policy.addVersion(admin, versionBody('431199', '2026-01-01')));
      expect(unknownArea.errors).toEqual([{ path: 'areaCode', message: 'areaCode is not a known area' }]);
      expect(await dataSource.getRepository(PolicyParameterVersion).countBy({ areaCode: '431128' })).toBe(0);
    });

    it('is the administrator’s alone and answers not-found outside the administrator’s scope', async () => {
      const supervisor = user([Role.CITY_SUPERVISOR, Role.AUDITOR], '431100');
      expect((await failureOf(policy.addVersion(supervisor, versionBody('431129', '2026-01-01')))).code).toBe(
        ErrorCode.FORBIDDEN,
      );

      const countyAdmin = user([Role.ADMIN], '431102');
      const outside = await failureOf(policy.addVersion(countyAdmin, versionBody('431100', '2026-02-01')));
      expect(outside).toMatchObject({ code: ErrorCode.NOT_FOUND, message: 'Policy parameters not found' });
      // Out of scope wins over every other problem: nothing about the target is revealed.
      const otherCity = await failureOf(
        policy.addVersion(admin, { ...versionBody('430100', 'soon'), values: 1 }),
      );
      expect(otherCity.code).toBe(ErrorCode.NOT_FOUND);

      const denied = await auditEntries('access.denied', '431100');
      expect(denied.at(-1)).toMatchObject({
        actorUserId: admin.id,
        detail: { areaCode: '430100', status: 404 },
      });
      expect(await dataSource.getRepository(PolicyParameterVersion).countBy({ areaCode: '431129' })).toBe(0);
    });
  });

  describe('the table', () => {
    it('refuses UPDATE, DELETE and TRUNCATE of versions for every role', async () => {
      // As the owner, who holds every privilege short of a superuser's: the trigger refuses.
      const owner = await new DataSource({
        ...dataSourceOptions(db.ownerUrl, 2),
        logging: false,
      }).initialize();
      const refusals = [
        owner.query(`UPDATE policy_parameter_versions SET legal_basis = 'forged' WHERE id = $1`, [
          YONGZHOU_DEMO_POLICY_VERSION_ID,
        ]),
        owner.query('DELETE FROM policy_parameter_versions WHERE id = $1', [YONGZHOU_DEMO_POLICY_VERSION_ID]),
        owner.query('TRUNCATE policy_parameter_versions'),
      ];
      const errors = await Promise.all(
        refusals.map((p) =>
          p.then(
            () => null,
            (e: unknown) => e,
          ),
        ),
      );
      expect(errors.map((e) => (e as Error | null)?.message)).toEqual([
        'policy_parameter_versions is append-only: UPDATE is not allowed',
        'policy_parameter_versions is append-only: DELETE is not allowed',
        'policy_parameter_versions is append-only: TRUNCATE is not allowed',
      ]);
      expect(errors.map(pgErrorCode)).toEqual(Array(3).fill('42501'));
      expect((await policy.effectiveFor('431100', '2026-01-01')).legalBasis).toMatch(/^DEMONSTRATION DATA/);
      await owner.destroy();
    });

    it('matches its migration: the entity needs no schema change', async () => {
      const checked = new DataSource({
        ...dataSourceOptions(db.url, 1),
        entities: [PolicyParameterVersion, Area],
      });
      await checked.initialize();
      try {
        const sql = await checked.driver.createSchemaBuilder().log();
        expect(sql.upQueries.map((q) => q.query)).toEqual([]);
      } finally {
        await checked.destroy();
      }
    });
  });
});
