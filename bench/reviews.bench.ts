import { execFileSync } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { Queue, Worker } from 'bullmq';
import { Client } from 'pg';
import { loadConfig } from '@app/config';
import { migrate } from '@app/database';
import { SOURCE_CODES } from '@app/eligibility';
import { birthDateOf, generateIdNumber, maskIdNumber, PiiCipher, sexOf } from '@app/privacy';
import { workerConnection } from '@app/queue';
import { deleteKeysUnderPrefix } from '@app/testing';
import { cpuSecondsOf, freePort, startService, type RunningService } from './support/processes';

/*
 * `npm run bench:reviews` (SPEC 10 "review batch", SPEC 11.4): BENCH_BENEFICIARIES (default 10 000) beneficiary
 * households of four members, ACTIVE on the roll of every county of the city, are re-verified by one
 * `POST /api/v1/review-batches` of the city supervisor through the real api, BENCH_WORKERS (default one) real workers
 * and the mocked departments (0–20 ms latency). Measured from the POST until every review is past VERIFYING:
 * households/s, how long opening the reviews took (chunks of REVIEW_BATCH_CHUNK_SIZE), the API's answer time to the
 * POST, worker RSS and CPU; beside it, in the same run, raw BullMQ no-op jobs/s with the worker's concurrency (the
 * baseline). Own database and queue prefix, both deleted at the end; Redis is never flushed. `npm run build` first.
 */

const DIST = join(__dirname, '..');
const BENEFICIARIES = Number(process.env.BENCH_BENEFICIARIES ?? 10_000);
const MEMBERS = 4;
const WORKERS = Number(process.env.BENCH_WORKERS ?? 1);
const LATENCY: [number, number] = [0, 20];
const SEED_BATCH = 500;
const BASELINE_JOBS = Number(process.env.BENCH_BASELINE_JOBS ?? 20_000);

function log(line: string): void {
  process.stdout.write(`${line}\n`);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function columns(rows: unknown[][], width: number): unknown[][] {
  return Array.from({ length: width }, (_, c) => rows.map((row) => row[c]));
}

/** APPROVED applications, their members (claimed) and ACTIVE beneficiaries, in a few set-based statements. */
async function seed(pg: Client, cipher: PiiCipher, townships: string[]): Promise<void> {
  const now = new Date();
  const today = now.toISOString().slice(0, 10);
  for (let first = 0; first < BENEFICIARIES; first += SEED_BATCH) {
    const apps: unknown[][] = [];
    const members: unknown[][] = [];
    for (let i = first; i < Math.min(BENEFICIARIES, first + SEED_BATCH); i++) {
      const id = randomUUID();
      const township = townships[i % townships.length]!;
      apps.push([
        id,
        `${township}-2025-${String(i + 1).padStart(6, '0')}`,
        township,
        township.slice(0, 6),
        randomUUID(),
      ]);
      for (let k = 0; k < MEMBERS; k++) {
        const n = i * MEMBERS + k;
        const idNumber = generateIdNumber(
          `${1950 + (n % 50)}-0${1 + (Math.floor(n / 50) % 9)}-${String(1 + (Math.floor(n / 450) % 28)).padStart(2, '0')}`,
          Math.floor(n / 12_600),
          township.slice(0, 6),
        );
        const birth = birthDateOf(idNumber);
        members.push([
          randomUUID(),
          id,
          k,
          cipher.encrypt(idNumber),
          cipher.blindIndex(idNumber),
          maskIdNumber(idNumber),
          birth,
          sexOf(idNumber),
          Number(today.slice(0, 4)) - Number(birth.slice(0, 4)) - 1,
          k === 0 ? 'SELF' : k === 1 ? 'SPOUSE' : 'CHILD',
        ]);
      }
    }
    await pg.query('BEGIN');
    await pg.query(
      `INSERT INTO applications (id, number, programme, status, township_code, county_code, residence, address,
         applicant_name, has_able_supporter, staff_relative, created_by, created_on, created_at, updated_at, version)
       SELECT a.id, a.number, 'DIBAO', 'APPROVED', a.township, a.county, 'URBAN', 'bench', '基准', false, false,
              $6::uuid, $7::date, $8, $8, 1
         FROM unnest($1::uuid[], $2::varchar[], $3::varchar[], $4::varchar[], $5::uuid[])
           AS a(id, number, township, county, beneficiary)`,
      [...columns(apps, 5), randomUUID(), today, now],
    );
    await pg.query(
      `INSERT INTO application_members (id, application_id, position, name, id_number_enc, id_blind_index,
         id_number_masked, birth_date, sex, age, relation, co_resident, exclusion, disability, employment,
         declared_income, declared_assets, "authorization", counted)
       SELECT m.id, m.app, m.pos, '成员', m.enc, m.blind, m.masked, m.birth, m.sex, m.age, m.relation, true, NULL,
              NULL, 'UNEMPLOYED',
              '{"wageFen":0,"businessFen":0,"propertyFen":0,"transferFen":0,"excludedFen":0}'::jsonb,
              '{"depositsFen":0,"securitiesFen":0,"vehicles":0,"dwellings":0}'::jsonb,
              jsonb_build_object('signedAt', '2026-01-20', 'signer', CASE WHEN m.age < 18 THEN 'GUARDIAN' ELSE 'SELF' END,
                                 'documentRef', 'BENCH', 'recordedBy', $11::text, 'recordedAt', $12::text),
              true
         FROM unnest($1::uuid[], $2::uuid[], $3::int[], $4::text[], $5::text[], $6::varchar[], $7::date[],
                     $8::char[], $9::int[], $10::varchar[])
           AS m(id, app, pos, enc, blind, masked, birth, sex, age, relation)`,
      [...columns(members, 10), randomUUID(), now.toISOString()],
    );
    await pg.query(
      `INSERT INTO beneficiaries (id, application_id, number, programme, status, township_code, county_code, residence,
         applicant_name, monthly_benefit_fen, since, review_category, next_review_due_on, enrolled_at, updated_at,
         version)
       SELECT a.beneficiary, a.id, a.number, 'DIBAO', 'ACTIVE', a.township, a.county, 'URBAN', '基准', 130000,
              '2026-01', 'HALF_YEARLY', '2026-07-01', $6, $6, 1
         FROM unnest($1::uuid[], $2::varchar[], $3::varchar[], $4::varchar[], $5::uuid[])
           AS a(id, number, township, county, beneficiary)`,
      [...columns(apps, 5), now],
    );
    await pg.query('COMMIT');
  }
}

/** Raw BullMQ: `count` no-op jobs through one Worker of `concurrency`, jobs/s from first add to last completion. */
async function baseline(redisUrl: string, concurrency: number, count: number): Promise<number> {
  const prefix = `{hev-bench-${randomBytes(4).toString('hex')}}`;
  const queue = new Queue('bench-noop', { connection: workerConnection(redisUrl), prefix });
  let done = 0;
  let finish: () => void = () => undefined;
  const finished = new Promise<void>((resolve) => (finish = resolve));
  const worker = new Worker(
    'bench-noop',
    () => {
      if (++done === count) finish();
      return Promise.resolve(null);
    },
    { connection: workerConnection(redisUrl), prefix, concurrency, autorun: false },
  );
  const started = performance.now();
  for (let i = 0; i < count; i += 1000)
    await queue.addBulk(
      Array.from({ length: Math.min(1000, count - i) }, (_, k) => ({
        name: 'noop',
        data: { n: i + k },
        opts: { removeOnComplete: { count: 1000 } },
      })),
    );
  void worker.run();
  await finished;
  const seconds = (performance.now() - started) / 1000;
  await worker.close();
  await queue.obliterate({ force: true });
  await queue.close();
  await deleteKeysUnderPrefix(redisUrl, prefix);
  return count / seconds;
}

function rssMiB(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    return Math.round((Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024) * 10) / 10;
  } catch {
    return 0;
  }
}

async function main(): Promise<void> {
  const config = loadConfig();
  const server = new URL(config.databaseUrl);
  const dbName = `hev_bench_reviews_${process.pid}`;
  server.pathname = `/${dbName}`;
  const databaseUrl = server.toString();
  const queuePrefix = `{hev-bench-${randomBytes(4).toString('hex')}}`;
  const concurrency = config.verification.concurrency;
  log(
    `review-batch benchmark: ${BENEFICIARIES} beneficiaries × ${MEMBERS} members, latency ${LATENCY.join('–')} ms`,
  );
  log(
    `machine: ${cpus().length} CPU(s) ${cpus()[0]?.model ?? ''}, load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(
        ' ',
      )}; worker concurrency ${concurrency}; ${WORKERS} worker(s); chunk ${config.reviews.chunkSize}`,
  );
  await migrate(databaseUrl);
  const pg = new Client({ connectionString: databaseUrl });
  await pg.connect();
  const services: RunningService[] = [];
  const cleanup = async () => {
    for (const s of services) await s.stop().catch(() => undefined);
    await pg.end().catch(() => undefined);
    const admin = new URL(config.databaseUrl);
    admin.pathname = '/postgres';
    const client = new Client({ connectionString: admin.toString() });
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
    await client.end();
    await deleteKeysUnderPrefix(config.redisUrl, queuePrefix);
  };
  try {
    const townships = (
      await pg.query<{ code: string }>(
        `SELECT DISTINCT ON (substr(code, 1, 6)) code FROM areas WHERE level = 'TOWNSHIP' ORDER BY substr(code, 1, 6), code`,
      )
    ).rows.map((r) => r.code);
    const seedStart = performance.now();
    await seed(pg, PiiCipher.fromKey(config.piiKey), townships);
    log(
      `seeded ${BENEFICIARIES} beneficiaries in ${townships.length} counties in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`,
    );

    const [mockPort, apiPort] = [await freePort(), await freePort()];
    const env: Record<string, string> = {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'development',
      DATABASE_URL: databaseUrl,
      REDIS_URL: config.redisUrl,
      QUEUE_PREFIX: queuePrefix,
      MOCK_SOURCES_URL: `http://127.0.0.1:${mockPort}`,
      MOCK_SOURCES_PORT: String(mockPort),
      MOCK_SOURCES_CONTROL: 'true',
      LOG_LEVEL: 'warn',
      RECONCILE_AFTER: 'PT30M',
      VERIFICATION_CONCURRENCY: String(concurrency),
      ...Object.fromEntries(
        Object.entries(process.env).filter(
          (entry): entry is [string, string] =>
            /^(SOURCE_|WORKER_LOCK_MS$|REVIEW_BATCH_CHUNK_SIZE$)/.test(entry[0]) &&
            typeof entry[1] === 'string',
        ),
      ),
    };
    // The demo users (the city supervisor posts the batch) and the two demo households of seed:demo.
    execFileSync(process.execPath, [join(DIST, 'apps/cli/src/seed-demo.js')], { env, stdio: 'ignore' });
    const mock = await startService({
      name: 'mock-sources',
      script: join(DIST, 'apps/mock-sources/src/main.js'),
      env,
      readyUrl: `http://127.0.0.1:${mockPort}/health/live`,
    });
    services.push(mock);
    for (const source of SOURCE_CODES)
      await fetch(`http://127.0.0.1:${mockPort}/admin/sources/${source}`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ latencyMs: LATENCY, errorRate: 0, down: false }),
      });
    const api = await startService({
      name: 'api',
      script: join(DIST, 'apps/api/src/main.js'),
      env: { ...env, PORT: String(apiPort) },
      readyUrl: `http://127.0.0.1:${apiPort}/health/live`,
    });
    services.push(api);
    const workers: RunningService[] = [];
    for (let i = 0; i < WORKERS; i++) {
      const port = await freePort();
      const worker = await startService({
        name: `worker-${i + 1}`,
        script: join(DIST, 'apps/worker/src/main.js'),
        env: { ...env, WORKER_PORT: String(port) },
        readyUrl: `http://127.0.0.1:${port}/health/live`,
      });
      workers.push(worker);
      services.push(worker);
    }
    const login = await fetch(`http://127.0.0.1:${apiPort}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'supervisor-431100', password: 'demo-password-2026' }),
    });
    if (!login.ok) throw new Error(`login answered ${login.status}`);
    const { accessToken } = (await login.json()) as { accessToken: string };

    const workersRss = () => Math.round(workers.reduce((sum, w) => sum + rssMiB(w.pid), 0) * 10) / 10;
    const workersCpu = () => workers.reduce((sum, w) => sum + cpuSecondsOf(w.pid), 0);
    const rssStart = workersRss();
    const cpuStart = { workers: workersCpu(), api: cpuSecondsOf(api.pid), mock: cpuSecondsOf(mock.pid) };
    const started = performance.now();
    const created = await fetch(`http://127.0.0.1:${apiPort}/api/v1/review-batches`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}` },
      body: JSON.stringify({ areaCode: '431100' }),
    });
    const postMs = performance.now() - started;
    if (created.status !== 201)
      throw new Error(`POST /review-batches answered ${created.status}: ${await created.text()}`);
    const batch = (await created.json()) as { id: string; total: number };
    log(`batch ${batch.id}: ${batch.total} households, POST answered in ${postMs.toFixed(0)} ms`);

    let openedAt: number | null = null;
    let rssPeak = rssStart;
    let lastReport = started;
    for (;;) {
      await sleep(500);
      const { rows } = await pg.query<{ opened: number; verifying: number }>(
        `SELECT count(*)::int AS opened,
                count(*) FILTER (WHERE status IN ('AWAITING_AUTHORIZATION', 'VERIFYING'))::int AS verifying
           FROM reviews WHERE batch_id = $1`,
        [batch.id],
      );
      const { opened, verifying } = rows[0] ?? { opened: 0, verifying: 0 };
      if (openedAt === null && opened >= batch.total) openedAt = performance.now();
      rssPeak = Math.max(rssPeak, workersRss());
      if (performance.now() - lastReport > 10_000) {
        lastReport = performance.now();
        log(
          `  ${opened} opened, ${opened - verifying} past VERIFYING after ${((lastReport - started) / 1000).toFixed(0)} s`,
        );
      }
      if (opened >= batch.total && verifying === 0) break;
    }
    const seconds = (performance.now() - started) / 1000;
    const cores = {
      workers: Math.round(((workersCpu() - cpuStart.workers) / seconds) * 100) / 100,
      api: Math.round(((cpuSecondsOf(api.pid) - cpuStart.api) / seconds) * 100) / 100,
      mockSources: Math.round(((cpuSecondsOf(mock.pid) - cpuStart.mock) / seconds) * 100) / 100,
    };
    const rssEnd = workersRss();
    const results = await pg.query<{ status: string; result: string | null; n: number }>(
      `SELECT status, result, count(*)::int AS n FROM reviews WHERE batch_id = $1 GROUP BY 1, 2 ORDER BY 1, 2`,
      [batch.id],
    );
    for (const s of services) await s.stop();
    services.length = 0;
    const noop = await baseline(config.redisUrl, concurrency, BASELINE_JOBS);
    const result = {
      households: batch.total,
      members: MEMBERS,
      seconds: Math.round(seconds * 10) / 10,
      householdsPerSecond: Math.round((batch.total / seconds) * 10) / 10,
      postMs: Math.round(postMs),
      openedAllAfterSeconds: openedAt === null ? null : Math.round(((openedAt - started) / 1000) * 10) / 10,
      reviews: results.rows.map((r) => `${r.status}${r.result ? `/${r.result}` : ''}: ${r.n}`),
      workers: WORKERS,
      workerRssMiB: { start: rssStart, end: rssEnd, peak: rssPeak },
      coresBusy: cores,
      workerCpuMsPerHousehold: Math.round(((cores.workers * seconds) / batch.total) * 1000 * 10) / 10,
      baselineNoopJobsPerSecond: Math.round(noop),
      chunkSize: config.reviews.chunkSize,
      loadAverage1m: Math.round((loadavg()[0] ?? 0) * 10) / 10,
    };
    log(JSON.stringify(result, null, 2));
    log('');
    log('| measure | value |');
    log('|---|---|');
    log(
      `| households re-verified (POST → all past VERIFYING) | ${batch.total} × ${MEMBERS} members in ${result.seconds} s |`,
    );
    log(`| **households/s** | **${result.householdsPerSecond}** (target ≥ 200) |`);
    log(`| POST /review-batches answered in | ${result.postMs} ms |`);
    log(`| every review opened after | ${result.openedAllAfterSeconds} s (chunks of ${result.chunkSize}) |`);
    log(`| baseline: raw BullMQ no-op jobs/s, same concurrency | ${result.baselineNoopJobsPerSecond} |`);
    log(`| worker RSS start / end / peak | ${rssStart} / ${rssEnd} / ${rssPeak} MiB |`);
    log(
      `| cores busy: worker(s) / api / mock-sources | ${cores.workers} / ${cores.api} / ${cores.mockSources} |`,
    );
    log(`| worker CPU per household | ${result.workerCpuMsPerHousehold} ms |`);
  } finally {
    await cleanup();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(
      `review-batch benchmark failed: ${error instanceof Error ? error.stack : String(error)}\n`,
    );
    process.exit(1);
  },
);
