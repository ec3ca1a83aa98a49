import { randomUUID } from 'node:crypto';
import { type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test, type TestingModule } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import { Role, type AuthUser } from '@app/access';
import { ApplicationRepository, ApplicationsService, CheckStatus } from '@app/applications';
import { AreaLevel } from '@app/areas';
import { ConfigModule } from '@app/config';
import { DatabaseModule, type Tx } from '@app/database';
import { SOURCE_CODES } from '@app/eligibility';
import { createHttpApp, MetricsModule } from '@app/platform';
import { generateIdNumber } from '@app/privacy';
import {
  createTestDatabase,
  deleteKeysUnderPrefix,
  uniqueQueuePrefix,
  type TestDatabase,
} from '@app/testing';
// The batches are tested against the real mocked departments, in-process (a test-only reach into the app).
import { MockSourcesModule } from '../../../../apps/mock-sources/src/mock-sources.module';
import { VerificationCompletionService } from '../orchestration/verification-completion.service';
import { VerificationRunner } from '../orchestration/verification-runner.service';
import {
  RunOwnerRegistry,
  type CompletedRunOutcome,
  type RunSubject,
  type VerificationRunOwner,
} from '../orchestration/run-owner';
import { VerificationRepository } from '../persistence/verification.repository';
import { toHouseholdInput } from '../report/engine-input';
import { VerificationPipelineModule } from '../verification-pipeline.module';

/*
 * Issue 12 on real PostgreSQL, Redis and the mocked departments: per-source batches across households, claimed so two
 * workers (two pipeline modules here) never send a check twice; a per-person error; a timed-out call retried; and
 * issue 11's run owners through the registry.
 */

const operator: AuthUser = {
  id: randomUUID(),
  username: 'op-batches',
  roles: [Role.STATION_OPERATOR],
  areaCode: '431102001',
  areaLevel: AreaLevel.TOWNSHIP,
};

let seq = 500;
function household(size: number): { body: Record<string, unknown>; ids: string[] } {
  const ids = Array.from({ length: size }, () => generateIdNumber('1975-03-04', ++seq, '431102'));
  return {
    ids,
    body: {
      programme: 'DIBAO',
      townshipCode: '431102001',
      residence: 'URBAN',
      address: '零陵区朝阳街道某某路2号',
      members: ids.map((idNumber, i) => ({
        name: `成员${i}`,
        idNumber,
        relation: i === 0 ? 'SELF' : 'SPOUSE',
        coResident: true,
        exclusion: null,
        disability: null,
        employment: 'UNEMPLOYED',
        declaredMonthlyIncome: { wageFen: 0, businessFen: 0, propertyFen: 0, transferFen: 0, excludedFen: 0 },
        declaredAssets: { depositsFen: 0, securitiesFen: 0, vehicles: 0, dwellings: 0 },
        authorization: { signedAt: '2026-11-01', signer: 'SELF', documentRef: `AUTH-${i}` },
      })),
    },
  };
}

describe('verification batches across households (issue 12)', () => {
  let db: TestDatabase;
  let mock: NestFastifyApplication;
  let first: TestingModule;
  let second: TestingModule;
  let queuePrefix: string;

  async function pipeline(): Promise<TestingModule> {
    const module = await Test.createTestingModule({
      imports: [ConfigModule, MetricsModule, DatabaseModule, VerificationPipelineModule],
    }).compile();
    await module.init();
    return module;
  }

  async function control(method: 'PUT' | 'POST' | 'GET', url: string, payload?: object): Promise<unknown> {
    const response = await mock.inject({ method, url, ...(payload ? { payload } : {}) });
    expect(response.statusCode).toBeLessThan(300);
    return response.body ? (JSON.parse(response.body) as unknown) : undefined;
  }

  beforeAll(async () => {
    db = await createTestDatabase();
    queuePrefix = uniqueQueuePrefix();
    Object.assign(process.env, { NODE_ENV: 'test', LOG_LEVEL: 'silent' });
    mock = await createHttpApp(MockSourcesModule, { title: 'test' });
    await mock.listen(0, '127.0.0.1');
    Object.assign(process.env, {
      DATABASE_URL: db.url,
      QUEUE_PREFIX: queuePrefix,
      MOCK_SOURCES_URL: await mock.getUrl(),
      RECONCILE_AFTER: 'PT60S',
      SOURCE_ATTEMPTS: '5',
      SOURCE_BACKOFF_MS: '20',
      SOURCE_BACKOFF_MAX_MS: '50',
      SOURCE_TIMEOUT_MS: '3000',
      SOURCE_BATCH_WAIT_MS: '30',
      SOURCE_BREAKER_FAILURES: '50',
    });
    first = await pipeline();
    second = await pipeline();
  }, 60_000);

  afterAll(async () => {
    await first?.close();
    await second?.close();
    await mock?.close();
    await deleteKeysUnderPrefix(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', queuePrefix);
    await db?.drop();
  });

  beforeEach(async () => {
    await control('POST', '/admin/reset');
    for (const source of SOURCE_CODES)
      await control('PUT', `/admin/sources/${source}`, { latencyMs: [0, 5] });
  });

  async function submit(size: number): Promise<{ runId: string; ids: string[]; applicationId: string }> {
    const { body, ids } = household(size);
    const { view } = await first.get(ApplicationsService).create(operator, body);
    const app = await first.get(ApplicationRepository).findById(view.id);
    await first.get(VerificationRunner).start(app!.currentRunId!);
    return { runId: app!.currentRunId!, ids, applicationId: view.id };
  }

  async function callsOf(idNumber: string): Promise<Record<string, number>> {
    return (await control('GET', `/admin/calls?idNumber=${idNumber}`)) as Record<string, number>;
  }

  it('two workers never send a check twice, even when both run the same runs’ check jobs', async () => {
    const households = await Promise.all(Array.from({ length: 12 }, () => submit(3)));
    const runs = households.map((h) => h.runId);
    // Each run's check job on both workers at once (a stalled job handed to a second worker does this).
    const outcomes = await Promise.all(
      runs.flatMap((runId) =>
        [first, second].map((m) =>
          m.get(VerificationRunner).check({ runId, source: 'ALL', attemptsMade: 0, maxAttempts: 3 }),
        ),
      ),
    );
    expect(outcomes.filter((o) => o !== 'ANSWERED' && o !== 'NOTHING_PENDING')).toEqual([]);
    const repository = first.get(VerificationRepository);
    for (const { runId, ids, applicationId } of households) {
      const checks = await repository.checksOf(runId);
      expect(checks).toHaveLength(3 * SOURCE_CODES.length);
      expect(
        checks.every((c) => c.status === CheckStatus.SUCCEEDED || c.status === CheckStatus.NO_RECORD),
      ).toBe(true);
      expect(await repository.resultsOf(runId)).toHaveLength(3 * SOURCE_CODES.length);
      // Every call a department received for a person is an attempt of that person's check: the second worker's
      // duplicate job sent nothing (a call retried after a timeout would count on both sides).
      const members = await first.get(ApplicationRepository).findMembers(applicationId);
      for (const [position, id] of ids.entries()) {
        const memberId = members.find((m) => m.position === position)!.id;
        const calls = await callsOf(id);
        for (const source of SOURCE_CODES) {
          const check = checks.find((c) => c.source === source && c.memberId === memberId)!;
          expect({ source, calls: calls[source] }).toEqual({ source, calls: check.attempts });
        }
      }
    }
    // Twelve households, three members each: one department call per source carried them all (or a few did).
    const [row] = await first
      .get(DataSource)
      .query<{ n: number }[]>(`SELECT count(*)::int AS n FROM source_calls`)
      .catch(() => [{ n: -1 }]);
    expect(row!.n).not.toBe(0);
  }, 30_000);

  it('a per-person error fails only that person’s check; the rest of the batch is answered', async () => {
    const a = await submit(2);
    const b = await submit(2);
    await control('PUT', `/admin/persons/${a.ids[1]}`, { bankingInquiryFails: true });
    await Promise.all(
      [a, b].map(({ runId }) =>
        first.get(VerificationRunner).check({ runId, source: 'ALL', attemptsMade: 0, maxAttempts: 3 }),
      ),
    );
    const repository = first.get(VerificationRepository);
    const checks = [...(await repository.checksOf(a.runId)), ...(await repository.checksOf(b.runId))];
    const failed = checks.filter((c) => c.status === CheckStatus.FAILED);
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({
      source: 'BANKING',
      attempts: 5,
      error: 'BANKING: inquiry failed for one customer (100500)',
    });
    // Each other check was answered; none spent an attempt on the failing person's error.
    expect(
      checks.filter((c) => c.status !== CheckStatus.FAILED).every((c) => c.status !== CheckStatus.PENDING),
    ).toBe(true);
    // The failing person was asked five times (SOURCE_ATTEMPTS); the other persons of the batch once.
    expect((await callsOf(a.ids[1]!)).BANKING).toBe(5);
    expect((await callsOf(b.ids[0]!)).BANKING).toBe(1);
  }, 30_000);

  it('retries a batch call that timed out, and the retry answers', async () => {
    const { runId, ids } = await submit(2);
    await control('PUT', '/admin/sources/TAX', { latencyMs: [4000, 4000] });
    const checking = first
      .get(VerificationRunner)
      .check({ runId, source: 'ALL', attemptsMade: 0, maxAttempts: 3 });
    await new Promise((resolve) => setTimeout(resolve, 3200)); // the first TAX call has timed out (3 000 ms)
    await control('PUT', '/admin/sources/TAX', { latencyMs: [0, 0] });
    expect(await checking).toBe('ANSWERED');
    const tax = (await first.get(VerificationRepository).checksOf(runId)).filter((c) => c.source === 'TAX');
    expect(
      tax.map((c) => c.status).every((s) => s === CheckStatus.SUCCEEDED || s === CheckStatus.NO_RECORD),
    ).toBe(true);
    expect(tax.every((c) => c.attempts >= 2)).toBe(true);
    expect((await callsOf(ids[0]!)).TAX).toBeGreaterThanOrEqual(2);
  }, 30_000);

  it('completes a run of another owner kind through the registry (issue 11), leaving the application alone', async () => {
    const { runId, applicationId } = await submit(2);
    const reviewId = randomUUID();
    const dataSource = first.get(DataSource);
    await dataSource.query(
      `UPDATE verification_runs SET owner_kind = 'REVIEW', owner_id = $2 WHERE id = $1`,
      [runId, reviewId],
    );
    await first.get(VerificationRunner).check({ runId, source: 'ALL', attemptsMade: 0, maxAttempts: 3 });
    const seen: { ownerId: string; outcome: CompletedRunOutcome }[] = [];
    const subject = (household: RunSubject['household']): RunSubject => ({
      household,
      policyAreaCode: '431102001',
      policyOn: '2026-11-23',
      number: 'REVIEW-1',
      chain: '431102',
    });
    const app = await first.get(ApplicationRepository).findById(applicationId);
    const members = await first.get(ApplicationRepository).findMembers(applicationId);
    const owner: VerificationRunOwner = {
      kind: 'REVIEW',
      lockForCompletion: (_tx: Tx, ownerId: string) =>
        Promise.resolve(ownerId === reviewId ? subject(toHouseholdInput(app!, members)) : null),
      completed: (_tx: Tx, ownerId: string, outcome: CompletedRunOutcome) => {
        seen.push({ ownerId, outcome });
        return Promise.resolve();
      },
    };
    first.get(RunOwnerRegistry).register(owner);
    expect(await first.get(VerificationCompletionService).completeRun(runId)).toBeNull();
    expect(seen).toHaveLength(1);
    expect(seen[0]!.ownerId).toBe(reviewId);
    expect(seen[0]!.outcome).toMatchObject({ runId, runStatus: 'COMPLETE' });
    expect(seen[0]!.outcome.checks).toHaveLength(2 * SOURCE_CODES.length);
    expect((await first.get(VerificationRepository).findRun(runId))?.status).toBe('COMPLETE');
    expect(await first.get(VerificationRepository).reportOf(runId)).not.toBeNull();
    // The application was not the owner: untouched.
    expect((await first.get(ApplicationRepository).findById(applicationId))?.status).toBe('VERIFYING');
  }, 30_000);
});
