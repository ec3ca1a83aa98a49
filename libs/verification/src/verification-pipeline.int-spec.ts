import { randomUUID } from 'node:crypto';
import { Test, type TestingModule } from '@nestjs/testing';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { Role, type AuthUser } from '@app/access';
import {
  ApplicationRepository,
  ApplicationsService,
  CheckStatus,
  type ApplicationView,
} from '@app/applications';
import { AreaLevel } from '@app/areas';
import { canonicalJson, sha256Hex } from '@app/common';
import { ConfigModule } from '@app/config';
import { DatabaseModule } from '@app/database';
import { SOURCE_CODES, type SourceCode } from '@app/eligibility';
import { MetricsModule } from '@app/platform';
import { generateIdNumber } from '@app/privacy';
import { QueueName, redisOptionsFromUrl } from '@app/queue';
import { createTestDatabase, uniqueQueuePrefix, type TestDatabase } from '@app/testing';
import { NO_RECORD_FACTS, type FactsBySource } from './connectors/source-records.types';
import { VerificationCompletionService } from './orchestration/verification-completion.service';
import { startJobId } from './orchestration/verification-jobs';
import { VerificationReconciler } from './orchestration/verification-reconciler.service';
import { VerificationRunner } from './orchestration/verification-runner.service';
import { VerificationRepository, type NewResult } from './persistence/verification.repository';
import { VerificationPipelineModule } from './verification-pipeline.module';
import { VerificationQueryService } from './verification-query.service';

/*
 * The pipeline against real PostgreSQL (and Redis for the queue side), without departments: answers are written
 * through the same repository methods the check jobs use, so the report, the discrepancies of SPEC 5.4 and the
 * idempotent writes are asserted on exact, hand-computed figures.
 */

const operator: AuthUser = {
  id: randomUUID(),
  username: 'op-int',
  roles: [Role.STATION_OPERATOR],
  areaCode: '431102001',
  areaLevel: AreaLevel.TOWNSHIP,
};

let seq = 0;
function person(birthDate = '1980-01-01'): string {
  return generateIdNumber(birthDate, ++seq, '431102');
}

interface MemberInput {
  relation?: string;
  coResident?: boolean;
  wageFen?: number;
  transferFen?: number;
  depositsFen?: number;
  vehicles?: number;
  dwellings?: number;
  birthDate?: string;
}

function body(members: MemberInput[]): Record<string, unknown> {
  return {
    programme: 'DIBAO',
    townshipCode: '431102001',
    residence: 'URBAN',
    address: '零陵区朝阳街道某某路1号',
    members: members.map((m, i) => ({
      name: `成员${i}`,
      idNumber: person(m.birthDate),
      relation: m.relation ?? (i === 0 ? 'SELF' : 'SPOUSE'),
      coResident: m.coResident ?? true,
      exclusion: null,
      disability: null,
      employment: 'UNEMPLOYED',
      declaredMonthlyIncome: {
        wageFen: m.wageFen ?? 0,
        businessFen: 0,
        propertyFen: 0,
        transferFen: m.transferFen ?? 0,
        excludedFen: 0,
      },
      declaredAssets: {
        depositsFen: m.depositsFen ?? 0,
        securitiesFen: 0,
        vehicles: m.vehicles ?? 0,
        dwellings: m.dwellings ?? 0,
      },
      authorization: { signedAt: '2026-11-01', signer: 'SELF', documentRef: `AUTH-${i}` },
    })),
  };
}

type Found = Partial<{ [S in SourceCode]: FactsBySource[S] }>;

describe('verification pipeline (PostgreSQL, Redis)', () => {
  let db: TestDatabase;
  let module: TestingModule;
  let dataSource: DataSource;
  let applications: ApplicationsService;
  let applicationRepository: ApplicationRepository;
  let repository: VerificationRepository;
  let completion: VerificationCompletionService;
  let runner: VerificationRunner;
  let reconciler: VerificationReconciler;
  let query: VerificationQueryService;
  let queue: Queue;

  beforeAll(async () => {
    db = await createTestDatabase();
    const queuePrefix = uniqueQueuePrefix();
    Object.assign(process.env, {
      NODE_ENV: 'test',
      DATABASE_URL: db.url,
      QUEUE_PREFIX: queuePrefix,
      LOG_LEVEL: 'silent',
      RECONCILE_AFTER: 'PT60S',
    });
    module = await Test.createTestingModule({
      imports: [ConfigModule, MetricsModule, DatabaseModule, VerificationPipelineModule],
    }).compile();
    await module.init();
    dataSource = module.get(DataSource);
    applications = module.get(ApplicationsService);
    applicationRepository = module.get(ApplicationRepository);
    repository = module.get(VerificationRepository);
    completion = module.get(VerificationCompletionService);
    runner = module.get(VerificationRunner);
    reconciler = module.get(VerificationReconciler);
    query = module.get(VerificationQueryService);
    queue = new Queue(QueueName.VERIFICATION, {
      connection: redisOptionsFromUrl(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379'),
      prefix: queuePrefix,
    });
  }, 60_000);

  afterAll(async () => {
    await queue?.obliterate({ force: true }).catch(() => undefined);
    await queue?.close();
    await module?.close();
    await db?.drop();
  });

  async function submit(members: MemberInput[]): Promise<{ view: ApplicationView; runId: string }> {
    const { view } = await applications.create(operator, body(members));
    const app = await applicationRepository.findById(view.id);
    return { view, runId: app!.currentRunId! };
  }

  /** The checks every member would get, then each source's answer: `found[member][source]`, else "no record". */
  async function answerAll(runId: string, memberIds: string[], found: Found[] = []): Promise<void> {
    await repository.createChecks(
      memberIds.flatMap((memberId) =>
        SOURCE_CODES.map((source) => ({
          runId,
          source,
          memberId,
          status: CheckStatus.PENDING,
          attempts: 0,
          completedAt: null,
          error: null,
        })),
      ),
    );
    for (const source of SOURCE_CODES) {
      await repository.recordAnswers(
        runId,
        source,
        memberIds.map((memberId, i) => answer(memberId, source, found[i]?.[source])),
        new Date(),
      );
    }
  }

  function answer(memberId: string, source: SourceCode, fact: unknown): NewResult {
    const response = { source, memberId, fact: fact ?? null };
    return {
      memberId,
      outcome: fact === undefined ? 'NO_RECORD' : 'FOUND',
      facts: fact === undefined ? NO_RECORD_FACTS[source] : fact,
      response,
      responseSha256: sha256Hex(canonicalJson(response)),
    };
  }

  it('builds the SPEC 5.4 report: declared, verified and assessed figures and discrepancies at the tolerance', async () => {
    const { view, runId } = await submit([
      // SELF: wage found 61 000 fen, declared 50 000: excess 11 000 > max(10 000, 5 000) → UNDECLARED_WAGE.
      { wageFen: 50000, depositsFen: 100000, dwellings: 1 },
      // SPOUSE: TAX 2 640 000 a year = 220 000 a month against 200 000 declared: excess exactly 10 % → none.
      { wageFen: 200000 },
      // CHILD not co-resident: not counted, never checked.
      { relation: 'CHILD', coResident: false, birthDate: '2001-02-03' },
    ]);
    const [self, spouse, child] = view.members;
    await answerAll(
      runId,
      [self!.id, spouse!.id],
      [
        {
          HUKOU: { found: true, deceased: false, deathDate: null, hukouAreaCode: '431102' },
          SOCIAL_SECURITY: {
            employments: [{ employer: '某公司', monthlyWageFen: 61000 }],
            pensions: [],
            unemploymentBenefitMonthlyFen: 0,
          },
          VEHICLE: [
            { plate: '湘M00001', type: 'CAR', registeredOn: '2020-01-01', disabilityMobility: false },
            { plate: '湘M00002', type: 'OTHER', registeredOn: '2021-01-01', disabilityMobility: true },
          ],
          // 110 000 against 100 000 declared: exactly the tolerance max(10 000, 10 %) → no UNDECLARED_DEPOSITS.
          BANKING: { depositsFen: 90000, securitiesFen: 0, wealthProductsFen: 20000 },
          REAL_ESTATE: [{ certificateNo: 'C-1', type: 'DWELLING', areaSqm: 60, registeredOn: '2015-01-01' }],
        },
        {
          HUKOU: { found: true, deceased: false, deathDate: null, hukouAreaCode: '431102' },
          TAX: { annualTaxableWageFen: 2_640_000 },
        },
      ],
    );

    const done = await completion.completeRun(runId);
    expect(done?.runStatus).toBe('COMPLETE');
    const report = done!.report;
    expect(report.household).toEqual({
      countedMembers: 2,
      assessedMonthlyIncomeFen: 61000 + 220000,
      perCapitaMonthlyIncomeFen: 140500,
      // max(100 000, 90 000 + 20 000) + max(0, 0)
      financialAssetsFen: 110000,
      // one car; the mobility vehicle does not count
      vehicles: 1,
      dwellings: 1,
      activeEnterprises: 0,
      standardFen: 65000,
    });
    expect(report.members.map((m) => m.memberId)).toEqual([self!.id, spouse!.id]);
    expect(report.members[1]!.verified.income).toMatchObject({ wageFen: 220000, wageSource: 'TAX' });
    expect(report.members[0]!.verified.assets).toMatchObject({
      depositsFen: 90000,
      wealthProductsFen: 20000,
      financialAssetsFen: 110000,
      vehicles: 1,
      dwellings: 1,
    });
    expect(report.notCounted).toEqual([{ memberId: child!.id, reason: 'NOT_CO_RESIDENT' }]);
    expect(
      report.discrepancies.map((d) => [d.memberId, d.code, d.source, d.declaredFen, d.foundFen]),
    ).toEqual([
      [self!.id, 'UNDECLARED_WAGE', 'SOCIAL_SECURITY', 50000, 61000],
      [self!.id, 'UNDECLARED_VEHICLE', 'VEHICLE', undefined, undefined],
    ]);
    expect(report.missingSources).toEqual([]);
    expect(done!.recommendation).toMatchObject({ outcome: 'INELIGIBLE', monthlyBenefitFen: 0 });

    // Written together: the report row, the run, the application (one version up), audit and event.
    const app = await applicationRepository.findById(view.id);
    expect(app).toMatchObject({
      status: 'VERIFIED',
      version: view.version + 1,
      recommendationOutcome: 'INELIGIBLE',
      recommendationBenefitFen: 0,
    });
    expect((await repository.findRun(runId))?.status).toBe('COMPLETE');
    const latest = await query.latestOutcome(view.id);
    expect(latest).toMatchObject({ runId, runStatus: 'COMPLETE', recommendation: { outcome: 'INELIGIBLE' } });
    expect(latest!.report).toEqual(JSON.parse(JSON.stringify(report)));
    const rows = await dataSource.query<{ n: number }[]>(
      `SELECT (SELECT count(*)::int FROM audit_entries WHERE action = 'verification.completed' AND application_id = $1)
            + (SELECT count(*)::int FROM outbox_messages
                WHERE type = 'verification.completed' AND payload->>'subject' = $1::text) AS n`,
      [view.id],
    );
    expect(rows[0]!.n).toBe(2);

    // A duplicate parent job finds the run finished and writes nothing.
    expect(await completion.completeRun(runId)).toBeNull();
    const after = await applicationRepository.findById(view.id);
    expect(after?.version).toBe(view.version + 1);
  });

  it('raises a finding one fen past the tolerance, and for a deceased member, who is not counted', async () => {
    const { view, runId } = await submit([{ wageFen: 200000 }, {}, {}]);
    const [self, spouse, third] = view.members;
    await answerAll(
      runId,
      [self!.id, spouse!.id, third!.id],
      [
        // 2 640 012 / 12 = 220 001: one fen beyond 10 % of 200 000.
        {
          HUKOU: { found: true, deceased: false, deathDate: null, hukouAreaCode: '431102' },
          TAX: { annualTaxableWageFen: 2_640_012 },
        },
        { HUKOU: { found: true, deceased: true, deathDate: '2026-10-01', hukouAreaCode: '431102' } },
        {},
      ],
    );
    const done = await completion.completeRun(runId);
    expect(done!.report.household.countedMembers).toBe(2);
    expect(done!.report.notCounted).toEqual([{ memberId: spouse!.id, reason: 'DECEASED' }]);
    expect(done!.report.discrepancies.map((d) => [d.memberId, d.code, d.foundFen])).toEqual([
      [self!.id, 'UNDECLARED_WAGE', 220001],
      [spouse!.id, 'MEMBER_DECEASED', undefined],
      [third!.id, 'PERSON_NOT_FOUND', undefined],
    ]);
  });

  it('completes a run with a FAILED source as INCOMPLETE: missing sources listed, NEEDS_REVIEW', async () => {
    const { view, runId } = await submit([{}]);
    const memberId = view.members[0]!.id;
    await repository.createChecks(
      SOURCE_CODES.map((source) => ({
        runId,
        source,
        memberId,
        status: CheckStatus.PENDING,
        attempts: 0,
        completedAt: null,
        error: null,
      })),
    );
    for (const source of SOURCE_CODES.filter((s) => s !== 'BANKING'))
      await repository.recordAnswers(runId, source, [answer(memberId, source, undefined)], new Date());
    // Not yet final: the parent leaves the run alone.
    expect(await completion.completeRun(runId)).toBeNull();
    await repository.recordFailure(
      runId,
      'BANKING',
      [memberId],
      'BANKING: answered HTTP 503',
      false,
      new Date(),
    );
    await repository.recordFailure(
      runId,
      'BANKING',
      [memberId],
      'BANKING: answered HTTP 503',
      true,
      new Date(),
    );

    const done = await completion.completeRun(runId);
    expect(done?.runStatus).toBe('INCOMPLETE');
    expect(done!.report.missingSources).toEqual(['BANKING']);
    expect(done!.recommendation.outcome).toBe('NEEDS_REVIEW');
    expect(done!.recommendation.rules.find((r) => r.id === 'DATA_COMPLETE')).toMatchObject({
      result: 'REVIEW',
    });
    const banking = (await repository.checksOf(runId)).find((c) => c.source === 'BANKING');
    expect(banking).toMatchObject({ status: 'FAILED', attempts: 2, error: 'BANKING: answered HTTP 503' });
    expect(banking?.completedAt).toBeInstanceOf(Date);
  });

  it('writes each answer once, however often and however concurrently a job runs', async () => {
    const { view, runId } = await submit([{}, {}]);
    const members = view.members.map((m) => m.id);
    await repository.createChecks(
      members.map((memberId) => ({
        runId,
        source: 'VEHICLE',
        memberId,
        status: CheckStatus.PENDING,
        attempts: 0,
        completedAt: null,
        error: null,
      })),
    );
    const answers = members.map((m) => answer(m, 'VEHICLE', []));
    const written = await Promise.all(
      Array.from({ length: 5 }, () => repository.recordAnswers(runId, 'VEHICLE', answers, new Date())),
    );
    // Exactly one of the five concurrent writers wrote each member.
    expect(written.flat().sort()).toEqual([...members].sort());
    expect(await repository.recordAnswers(runId, 'VEHICLE', answers, new Date())).toEqual([]);
    const results = await repository.resultsOf(runId);
    expect(results).toHaveLength(2);
    expect(results.every((r) => r.responseSha256 === sha256Hex(canonicalJson(r.response)))).toBe(true);
    const checks = await repository.checksOf(runId);
    expect(checks.map((c) => [c.status, c.attempts])).toEqual([
      ['SUCCEEDED', 1],
      ['SUCCEEDED', 1],
    ]);
    // An answer for a check that was cancelled meanwhile is not written either.
    await repository.createChecks([
      {
        runId,
        source: 'TAX',
        memberId: members[0]!,
        status: CheckStatus.CANCELLED,
        attempts: 0,
        completedAt: new Date(),
        error: null,
      },
    ]);
    expect(
      await repository.recordAnswers(runId, 'TAX', [answer(members[0]!, 'TAX', undefined)], new Date()),
    ).toEqual([]);
    expect((await repository.resultsOf(runId)).filter((r) => r.source === 'TAX')).toHaveLength(0);
  });

  it('starts a run with NOT_AUTHORIZED checks for a counted member without a valid authorisation', async () => {
    const { view, runId } = await submit([{}, {}]);
    const [self, spouse] = view.members;
    // As if the spouse's consent had gone between the run's creation and its start.
    await dataSource.query(`UPDATE application_members SET "authorization" = NULL WHERE id = $1`, [
      spouse!.id,
    ]);
    expect(await runner.start(runId)).toBe(true);
    expect(await runner.start(runId)).toBe(true); // a second start job changes nothing
    const checks = await repository.checksOf(runId);
    expect(checks).toHaveLength(2 * SOURCE_CODES.length);
    expect(new Set(checks.filter((c) => c.memberId === spouse!.id).map((c) => c.status))).toEqual(
      new Set(['NOT_AUTHORIZED']),
    );
    expect(new Set(checks.filter((c) => c.memberId === self!.id).map((c) => c.status))).toEqual(
      new Set(['PENDING']),
    );
    expect(await queue.getJobState(`complete-${runId}-p0`)).toBe('waiting-children');

    for (const source of SOURCE_CODES)
      await repository.recordAnswers(runId, source, [answer(self!.id, source, undefined)], new Date());
    const done = await completion.completeRun(runId);
    expect(done?.runStatus).toBe('INCOMPLETE');
    expect(done!.report.unverifiedMembers).toEqual([{ memberId: spouse!.id, reason: 'NOT_AUTHORIZED' }]);
    expect(done!.report.missingSources).toEqual([]);
    expect(done!.recommendation.outcome).toBe('NEEDS_REVIEW');
  });

  it('re-enqueues a stale run without live jobs as a new pass, and leaves one with live jobs alone', async () => {
    const { runId } = await submit([{}]);
    await dataSource.query(
      `UPDATE verification_runs SET started_at = now() - interval '1 hour' WHERE id = $1`,
      [runId],
    );
    expect(await reconciler.reconcile()).toBeGreaterThanOrEqual(1);
    expect(await repository.findRun(runId)).toMatchObject({ pass: 1 });
    expect(await queue.getJobState(startJobId(runId, 1))).toBe('waiting');

    // Looked at again only after another RECONCILE_AFTER; then its start job is still waiting: left alone.
    expect(await reconciler.reconcile()).toBe(0);
    await dataSource.query(
      `UPDATE verification_runs SET reconciled_at = now() - interval '1 hour' WHERE id = $1`,
      [runId],
    );
    await reconciler.reconcile();
    expect(await repository.findRun(runId)).toMatchObject({ pass: 1 });
  });
});
