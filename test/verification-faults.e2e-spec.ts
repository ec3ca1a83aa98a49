import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { type ApplicationView } from '@app/applications';
import { QueueName } from '@app/queue';
import { type VerificationRunView } from '@app/verification';
import { numberedHousehold } from './support/households';
import { Platform, SOURCES, waitFor, type ChildService, type UserKey } from './support/platform-harness';

/*
 * SPEC 5.3 under faults (issue 4): a department down for a whole run, a flaky department, a worker killed with
 * SIGKILL mid-run, Redis wiped mid-run, and two workers at once. The platform runs on a Redis server of this file's
 * own. Timeouts, backoffs and RECONCILE_AFTER are shortened through the environment, as an operator would.
 */
const TUNING = {
  SOURCE_TIMEOUT_MS: '1000',
  SOURCE_ATTEMPTS: '3',
  SOURCE_BACKOFF_MS: '50',
  SOURCE_BACKOFF_MAX_MS: '200',
  SOURCE_BREAKER_HALF_OPEN_MS: '300',
  RECONCILE_AFTER: 'PT2S',
  WORKER_LOCK_MS: '2000',
};

/**
 * Crash, wipe and two-worker tests are about recovery, not departments: with healthy sources a slow moment of a busy
 * CI machine must not turn a call into a FAILED check (the short timeouts above are for the outage tests).
 */
const CRASH_TEST_WORKER = { SOURCE_TIMEOUT_MS: '5000', SOURCE_ATTEMPTS: '8' };

describe('verification under faults', () => {
  let platform: Platform;
  let tokens: Record<UserKey, string>;
  let queue: Queue;
  /** Households are numbered across the file, so no person is in two open applications. */
  let next = 0;

  beforeAll(async () => {
    platform = await Platform.start({ disposableRedis: true, env: TUNING });
    tokens = await platform.createUsers();
    const redis = new URL(platform.redisUrl);
    queue = new Queue(QueueName.VERIFICATION, {
      connection: { host: redis.hostname, port: Number(redis.port), maxRetriesPerRequest: null },
      prefix: platform.queuePrefix,
    });
  }, 120_000);

  afterAll(async () => {
    await queue?.close();
    await platform?.close();
  });

  afterEach(async () => {
    await platform.mock.allHealthy();
  });

  /** Submits `count` households of `size` members (10 requests at a time); returns their ids. */
  async function submit(count: number, size = 2): Promise<string[]> {
    const ids: string[] = [];
    for (let start = 0; start < count; start += 10) {
      const batch = Array.from({ length: Math.min(10, count - start) }, () =>
        numberedHousehold(next++, size),
      );
      const replies = await Promise.all(
        batch.map((body) =>
          platform.http.call<ApplicationView>('POST', '/api/v1/applications', {
            token: tokens.operator,
            body,
          }),
        ),
      );
      for (const reply of replies) {
        expect(reply.status).toBe(201);
        ids.push(reply.body.id);
      }
    }
    return ids;
  }

  async function countVerified(ids: readonly string[]): Promise<number> {
    const [row] = await platform.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM applications WHERE id = ANY($1::uuid[]) AND status = 'VERIFIED'`,
      [ids],
    );
    return row!.n;
  }

  async function allVerified(ids: readonly string[], timeoutMs: number): Promise<void> {
    await waitFor(
      async () => (await countVerified(ids)) === ids.length,
      `${ids.length} applications to be VERIFIED`,
      timeoutMs,
      250,
    );
  }

  async function runView(id: string): Promise<VerificationRunView> {
    const reply = await platform.http.call<VerificationRunView>(
      'GET',
      `/api/v1/applications/${id}/verification`,
      { token: tokens.officer },
    );
    expect(reply.status).toBe(200);
    return reply.body;
  }

  /** Nothing waiting, running, delayed or waiting for children in the verification queue. */
  async function queueIsIdle(): Promise<boolean> {
    const counts = await queue.getJobCounts(
      'waiting',
      'active',
      'delayed',
      'waiting-children',
      'prioritized',
    );
    return Object.values(counts).every((n) => n === 0);
  }

  /**
   * Every run of these applications finished once: one report per run, one result per run + source + member,
   * one `verification.completed` event and audit entry per application.
   */
  async function expectCompletedExactlyOnce(
    ids: readonly string[],
    membersPerApplication: number,
  ): Promise<void> {
    const runs = await platform.sql<{ status: string; n: number }>(
      `SELECT status, count(*)::int AS n FROM verification_runs WHERE application_id = ANY($1::uuid[]) GROUP BY status`,
      [ids],
    );
    expect(runs).toEqual([{ status: 'COMPLETE', n: ids.length }]);
    const [counts] = await platform.sql<{
      reports: number;
      results: number;
      distinct: number;
      unfinished: number;
    }>(
      `SELECT (SELECT count(*)::int FROM verification_reports WHERE application_id = ANY($1::uuid[])) AS reports,
              (SELECT count(*)::int FROM verification_results x JOIN verification_runs r ON r.id = x.run_id
                WHERE r.application_id = ANY($1::uuid[])) AS results,
              (SELECT count(DISTINCT (x.run_id, x.source, x.member_id))::int FROM verification_results x
                 JOIN verification_runs r ON r.id = x.run_id WHERE r.application_id = ANY($1::uuid[])) AS distinct,
              (SELECT count(*)::int FROM verification_checks c JOIN verification_runs r ON r.id = c.run_id
                WHERE r.application_id = ANY($1::uuid[]) AND c.status NOT IN ('SUCCEEDED', 'NO_RECORD')) AS unfinished`,
      [ids],
    );
    const expectedResults = ids.length * membersPerApplication * SOURCES.length;
    expect(counts).toEqual({
      reports: ids.length,
      results: expectedResults,
      distinct: expectedResults,
      unfinished: 0,
    });
    const [announced] = await platform.sql<{ events: number; audits: number; apps: number }>(
      `SELECT (SELECT count(*)::int FROM outbox_messages
                WHERE type = 'verification.completed' AND (payload->>'subject')::uuid = ANY($1::uuid[])) AS events,
              (SELECT count(*)::int FROM audit_entries
                WHERE action = 'verification.completed' AND application_id = ANY($1::uuid[])) AS audits,
              (SELECT count(DISTINCT application_id)::int FROM audit_entries
                WHERE action = 'verification.completed' AND application_id = ANY($1::uuid[])) AS apps`,
      [ids],
    );
    expect(announced).toEqual({ events: ids.length, audits: ids.length, apps: ids.length });
  }

  it('fails the checks of a department down for the whole run after the configured attempts; reverify recovers', async () => {
    await platform.mock.behave('REAL_ESTATE', { down: true });
    const worker = await platform.startWorker();
    const ids = await submit(3);
    await allVerified(ids, 30_000);

    for (const id of ids) {
      const run = await runView(id);
      expect(run.status).toBe('INCOMPLETE');
      const realEstate = run.checks.filter((c) => c.source === 'REAL_ESTATE');
      expect(realEstate).toHaveLength(2);
      for (const check of realEstate) {
        expect(check).toMatchObject({ status: 'FAILED', attempts: 3 });
        expect(check.error).toMatch(/^REAL_ESTATE: (answered HTTP 503|circuit open)/);
      }
      expect(run.checks.filter((c) => c.source !== 'REAL_ESTATE').every((c) => c.status !== 'FAILED')).toBe(
        true,
      );
      expect(run.report?.missingSources).toEqual(['REAL_ESTATE']);
      // Never denied because a department was unavailable (SPEC 5.3).
      expect(run.recommendation?.outcome).toBe('NEEDS_REVIEW');
      expect(run.recommendation?.rules.find((r) => r.id === 'DATA_COMPLETE')?.result).toBe('REVIEW');
    }
    await waitFor(queueIsIdle, 'the verification queue to be idle', 10_000);

    await platform.mock.behave('REAL_ESTATE', { down: false });
    await new Promise((resolve) => setTimeout(resolve, 400)); // the open circuit lets a trial call through
    for (const id of ids) {
      const reply = await platform.http.call<ApplicationView>('POST', `/api/v1/applications/${id}/reverify`, {
        token: tokens.officer,
      });
      expect(reply.status).toBe(200);
    }
    await allVerified(ids, 30_000);
    for (const id of ids) {
      const run = await runView(id);
      expect(run.status).toBe('COMPLETE');
      expect(run.report?.missingSources).toEqual([]);
      expect(run.checks.every((c) => c.status === 'SUCCEEDED' || c.status === 'NO_RECORD')).toBe(true);
    }
    await worker.stop();
  }, 60_000);

  it('rides out a department failing half of its calls within the retry budget', async () => {
    for (const source of SOURCES) await platform.mock.behave(source, { errorRate: 0.5 });
    const worker = await platform.startWorker({ SOURCE_ATTEMPTS: '20' });
    const ids = await submit(5);
    await allVerified(ids, 45_000);

    let retried = 0;
    for (const id of ids) {
      const run = await runView(id);
      expect(run.status).toBe('COMPLETE');
      for (const check of run.checks) {
        expect(['SUCCEEDED', 'NO_RECORD']).toContain(check.status);
        expect(check.attempts).toBeGreaterThanOrEqual(1);
        expect(check.attempts).toBeLessThanOrEqual(20);
        if (check.attempts > 1) retried++;
      }
    }
    // About half of the first calls failed: the retries are real, not luck.
    expect(retried).toBeGreaterThan(10);
    await worker.stop();
  }, 60_000);

  it('finishes every run of 200 applications after a worker is killed with SIGKILL mid-run', async () => {
    await platform.mock.allHealthy([0, 10]);
    const ids = await submit(200);
    const first = await platform.startWorker(CRASH_TEST_WORKER);
    await waitFor(async () => (await countVerified(ids)) >= 30, 'the first 30 applications', 30_000, 100);
    await first.kill();
    const verifiedAtKill = await countVerified(ids);
    expect(verifiedAtKill).toBeLessThan(200); // it really was mid-run
    await platform.startWorker(CRASH_TEST_WORKER); // kept for the next tests
    await allVerified(ids, 90_000);
    await expectCompletedExactlyOnce(ids, 2);
  }, 150_000);

  it('finishes every run after Redis is wiped (FLUSHALL) mid-run, through the reconciler', async () => {
    await platform.mock.allHealthy([10, 30]);
    // One department answers slowly (8 calls at a time), so runs are still open when the wipe comes, however fast
    // the rest of the machine is: the last run started cannot have finished 1.5 s after its start command left.
    await platform.mock.behave('HOUSING_FUND', { latencyMs: [1500, 2000] });
    const ids = await submit(40);
    // Every run's start command has left the outbox, so the runs still open after the wipe have lost their jobs and
    // only the reconciler can finish them (an unpublished command would simply be published after the wipe).
    await waitFor(
      async () =>
        (
          await platform.sql<{ n: number }>(
            `SELECT count(*)::int AS n FROM outbox_messages WHERE published_at IS NULL`,
          )
        )[0]!.n === 0,
      'the outbox relayed',
      30_000,
      25,
    );
    // The platform's own redis-server (DisposableRedis), never the shared one.
    const redis = new Redis(platform.redisUrl, { maxRetriesPerRequest: 1 });
    await redis.flushall();
    await redis.quit();
    expect(await countVerified(ids)).toBeLessThan(40);
    await platform.mock.behave('HOUSING_FUND', { latencyMs: [10, 30] });

    await allVerified(ids, 60_000);
    await expectCompletedExactlyOnce(ids, 2);
    const reconciled = await platform.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM verification_runs WHERE application_id = ANY($1::uuid[]) AND pass > 0`,
      [ids],
    );
    expect(reconciled[0]!.n).toBeGreaterThan(0);
  }, 90_000);

  it('completes every run exactly once with two workers at once', async () => {
    await platform.mock.allHealthy([0, 5]);
    // The worker kept from the SIGKILL test and a second one.
    const workers: ChildService[] = [
      ...platform.workers.filter((w) => w.running),
      await platform.startWorker(CRASH_TEST_WORKER),
    ];
    expect(workers).toHaveLength(2);
    const ids = await submit(60);
    await allVerified(ids, 60_000);
    await expectCompletedExactlyOnce(ids, 2);
    expect(workers.every((w) => w.running)).toBe(true);
    const reporting = await platform.sql<{ n: number }>(
      `SELECT count(DISTINCT worker_id)::int AS n FROM source_circuit_states WHERE reported_at > now() - interval '1 minute'`,
    );
    expect(reporting[0]!.n).toBeGreaterThanOrEqual(2);
  }, 90_000);
});
