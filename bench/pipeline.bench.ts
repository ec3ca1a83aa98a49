import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, loadavg } from 'node:os';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Queue, Worker } from 'bullmq';
import { Client } from 'pg';
import { loadConfig } from '@app/config';
import { migrate } from '@app/database';
import { ageOn, birthDateOf, generateIdNumber, maskIdNumber, PiiCipher, sexOf } from '@app/privacy';
import { QueueName, workerConnection } from '@app/queue';
import { SOURCE_CODES } from '@app/eligibility';
import { deleteKeysUnderPrefix } from '@app/testing';

/*
 * `npm run bench:pipeline` (SPEC 10 "pipeline", issue 4 item 6): a backlog of BENCH_APPLICATIONS (default 10 000)
 * four-member applications, each VERIFYING with its `verification.start` command in the outbox, is handed to
 * BENCH_WORKERS (default one) real workers (dist/apps/worker) talking to the real mocked departments
 * (dist/apps/mock-sources, latency 0–20 ms on every source). Measured: applications/s from the workers' start to the
 * last VERIFIED, source calls per application, worker RSS at start and end, cores used by the workers and the mock;
 * beside it, in the same run, raw BullMQ throughput of no-op jobs with the same concurrency (the baseline). Uses a
 * database and queue prefix of its own on DATABASE_URL's server and REDIS_URL, and deletes both at the end; it never
 * flushes Redis. Run `npm run build` first.
 */

const DIST = join(__dirname, '..');
const APPLICATIONS = Number(process.env.BENCH_APPLICATIONS ?? 10_000);
const MEMBERS = 4;
const LATENCY: [number, number] = [0, 20];
const SEED_BATCH = 250;
const BASELINE_JOBS = Number(process.env.BENCH_BASELINE_JOBS ?? 20_000);
/** Worker processes sharing the backlog (the pipeline scales out; default one). */
const WORKERS = Number(process.env.BENCH_WORKERS ?? 1);
const SOURCES = SOURCE_CODES;

function log(line: string): void {
  process.stdout.write(`${line}\n`);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('port')),
      );
    });
  });
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function rssMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round((kib / 1024) * 10) / 10;
}

/** CPU time (user + system) a process has used so far, in seconds. */
function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // utime and stime are fields 14 and 15 of /proc/<pid>/stat, in clock ticks (100 per second on Linux).
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

async function waitForHealth(url: string, child: ChildProcess, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${url}: the process exited with ${child.exitCode}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}

function start(script: string, env: Record<string, string>): ChildProcess {
  const child = spawn(process.execPath, [join(DIST, script)], {
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return child;
}

/** The backlog: applications VERIFYING, their runs RUNNING and start commands unpublished, spread over counties. */
async function seed(
  pg: Client,
  cipher: PiiCipher,
  townships: string[],
  count = APPLICATIONS,
  offset = 0,
): Promise<string[]> {
  const seeded: string[] = [];
  const now = new Date();
  const today = '2026-11-23';
  for (let first = offset; first < offset + count; first += SEED_BATCH) {
    const apps: unknown[][] = [];
    const members: unknown[][] = [];
    const runs: unknown[][] = [];
    const commands: unknown[][] = [];
    for (let i = first; i < Math.min(offset + count, first + SEED_BATCH); i++) {
      const id = randomUUID();
      seeded.push(id);
      const runId = randomUUID();
      const township = townships[i % townships.length]!;
      apps.push([
        id,
        `${township}-2026-${String(i + 1).padStart(6, '0')}`,
        township,
        township.slice(0, 6),
        runId,
      ]);
      for (let k = 0; k < MEMBERS; k++) {
        const n = i * MEMBERS + k;
        const idNumber = generateIdNumber(
          `${1950 + (n % 50)}-0${1 + (Math.floor(n / 50) % 9)}-${String(1 + (Math.floor(n / 450) % 28)).padStart(2, '0')}`,
          Math.floor(n / 12_600),
          township.slice(0, 6),
        );
        members.push([
          randomUUID(),
          id,
          k,
          cipher.encrypt(idNumber),
          cipher.blindIndex(idNumber),
          maskIdNumber(idNumber),
          birthDateOf(idNumber),
          sexOf(idNumber),
          ageOn(idNumber, today),
          k === 0 ? 'SELF' : k === 1 ? 'SPOUSE' : 'CHILD',
        ]);
      }
      runs.push([runId, id]);
      commands.push([randomUUID(), `run-${runId}`, JSON.stringify({ runId })]);
    }
    await pg.query('BEGIN');
    await pg.query(
      `INSERT INTO applications (id, number, programme, status, township_code, county_code, residence, address,
         applicant_name, has_able_supporter, staff_relative, created_by, created_on, created_at, updated_at, version,
         current_run_id)
       SELECT a.id, a.number, 'DIBAO', 'VERIFYING', a.township, a.county, 'URBAN', 'bench', '基准', false, false,
              $6::uuid, $7::date, $8, $8, 1, a.run
         FROM unnest($1::uuid[], $2::varchar[], $3::varchar[], $4::varchar[], $5::uuid[])
           AS a(id, number, township, county, run)`,
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
              jsonb_build_object('signedAt', '2026-11-20', 'signer', CASE WHEN m.age < 18 THEN 'GUARDIAN' ELSE 'SELF' END,
                                 'documentRef', 'BENCH', 'recordedBy', $11::text, 'recordedAt', $12::text),
              true
         FROM unnest($1::uuid[], $2::uuid[], $3::int[], $4::text[], $5::text[], $6::varchar[], $7::date[],
                     $8::char[], $9::int[], $10::varchar[])
           AS m(id, app, pos, enc, blind, masked, birth, sex, age, relation)`,
      [...columns(members, 10), randomUUID(), now.toISOString()],
    );
    await pg.query(
      `INSERT INTO verification_runs (id, application_id, status, started_at, pass)
       SELECT r.id, r.app, 'RUNNING', $3, 0 FROM unnest($1::uuid[], $2::uuid[]) AS r(id, app)`,
      [...columns(runs, 2), now],
    );
    await pg.query(
      `INSERT INTO outbox_messages (id, kind, type, queue, job_id, payload)
       SELECT c.id, 'COMMAND', 'verification.start', $4, c.job, c.payload::jsonb
         FROM unnest($1::uuid[], $2::varchar[], $3::text[]) AS c(id, job, payload)`,
      [...columns(commands, 3), QueueName.VERIFICATION],
    );
    await pg.query('COMMIT');
  }
  return seeded;
}

/** Lone households (`BENCH_LONE`): each created on an idle platform, timed from its commit to VERIFIED. */
async function loneLatencies(
  pg: Client,
  cipher: PiiCipher,
  townships: string[],
  count: number,
): Promise<number[]> {
  const latencies: number[] = [];
  for (let i = 0; i < count; i++) {
    const began = performance.now();
    const [id] = await seed(pg, cipher, townships, 1, APPLICATIONS + i);
    for (;;) {
      const row = await pg.query<{ status: string }>(`SELECT status FROM applications WHERE id = $1`, [id]);
      if (row.rows[0]?.status === 'VERIFIED') break;
      await sleep(10);
    }
    latencies.push(performance.now() - began);
    await sleep(300);
  }
  return latencies;
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

/** Mean handler duration per verification job name, from the worker's `hev_job_duration_seconds` histogram. */
function meanJobMs(metrics: string): Record<string, number> {
  const sums = new Map<string, number>();
  const counts = new Map<string, number>();
  for (const line of metrics.split('\n')) {
    const match = /^hev_job_duration_seconds_(sum|count)\{[^}]*name="([^"]+)"[^}]*\} ([\d.e+-]+)$/.exec(line);
    if (!match) continue;
    const target = match[1] === 'sum' ? sums : counts;
    target.set(match[2]!, (target.get(match[2]!) ?? 0) + Number(match[3]));
  }
  return Object.fromEntries(
    [...sums].map(([name, sum]) => [name, Math.round((sum / (counts.get(name) || 1)) * 10_000) / 10]),
  );
}

function columns(rows: unknown[][], width: number): unknown[][] {
  return Array.from({ length: width }, (_, c) => rows.map((row) => row[c]));
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
  return count / seconds;
}

async function main(): Promise<void> {
  const config = loadConfig();
  const server = new URL(config.databaseUrl);
  const dbName = `hev_bench_pipeline_${process.pid}`;
  server.pathname = `/${dbName}`;
  const databaseUrl = server.toString();
  const queuePrefix = `{hev-bench-${randomBytes(4).toString('hex')}}`;
  const concurrency = config.verification.concurrency;
  log(
    `pipeline benchmark: ${APPLICATIONS} applications × ${MEMBERS} members, ${SOURCES.length} sources, latency ${LATENCY.join('–')} ms`,
  );
  log(
    `machine: ${cpus().length} CPU(s) ${cpus()[0]?.model ?? ''}, load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}; worker concurrency ${concurrency}, per-source ${config.verification.sources.concurrency}`,
  );

  const loadAtStart = loadavg().map((l) => Math.round(l * 10) / 10);
  await migrate(databaseUrl);
  const pg = new Client({ connectionString: databaseUrl });
  await pg.connect();
  const children: ChildProcess[] = [];
  const cleanup = async () => {
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
    await pg.end().catch(() => undefined);
    const admin = new URL(config.databaseUrl);
    admin.pathname = '/postgres';
    const client = new Client({ connectionString: admin.toString() });
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
    await client.end();
    // Every key of the run's own prefix: the verification and maintenance queues, the subscribers' event queues
    // (one job per event) and the baseline's no-op queue.
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
      `seeded ${APPLICATIONS} applications in ${townships.length} counties in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`,
    );

    const mockPort = await freePort();
    const env = {
      NODE_ENV: 'development',
      DATABASE_URL: databaseUrl,
      REDIS_URL: config.redisUrl,
      QUEUE_PREFIX: queuePrefix,
      MOCK_SOURCES_URL: `http://127.0.0.1:${mockPort}`,
      MOCK_SOURCES_PORT: String(mockPort),
      MOCK_SOURCES_CONTROL: 'true',
      LOG_LEVEL: 'warn',
      // A backlog is not a stall: the reconciler must not restart runs that merely wait their turn.
      RECONCILE_AFTER: 'PT30M',
      VERIFICATION_CONCURRENCY: String(concurrency),
      // The operator's tuning of the run, passed on as is (SOURCE_CONCURRENCY, SOURCE_TIMEOUT_MS, WORKER_LOCK_MS, …).
      ...Object.fromEntries(
        Object.entries(process.env).filter(
          (entry): entry is [string, string] =>
            /^(SOURCE_|WORKER_LOCK_MS$)/.test(entry[0]) && typeof entry[1] === 'string',
        ),
      ),
    };
    const mock = start('apps/mock-sources/src/main.js', env);
    children.push(mock);
    await waitForHealth(`http://127.0.0.1:${mockPort}/health/live`, mock);
    for (const source of SOURCES)
      await fetch(`http://127.0.0.1:${mockPort}/admin/sources/${source}`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ latencyMs: LATENCY, errorRate: 0, down: false }),
      });

    const bootStart = performance.now();
    const workers: { process: ChildProcess; port: number }[] = [];
    const statementFiles: string[] = [];
    for (let i = 0; i < WORKERS; i++) {
      const port = await freePort();
      const statementsFile = join(tmpdir(), `hev-bench-statements-${process.pid}-${i}`);
      statementFiles.push(statementsFile);
      // Every statement the worker sends is counted by a `--require` hook (bench/support/count-statements.ts).
      const hook = [
        `--require ${join(DIST, 'bench/support/count-statements.js')}`,
        `--require ${join(DIST, 'bench/support/cpu-profile-hook.js')}`,
      ].join(' ');
      const process_ = start('apps/worker/src/main.js', {
        ...env,
        WORKER_PORT: String(port),
        BENCH_STATEMENTS_FILE: statementsFile,
        ...(process.env.BENCH_CPU_PROFILE_DIR
          ? { BENCH_CPU_PROFILE_DIR: process.env.BENCH_CPU_PROFILE_DIR }
          : {}),
        // For profiling the worker, e.g. BENCH_WORKER_NODE_OPTIONS="--require ./profile-hook.js".
        NODE_OPTIONS: [hook, process.env.BENCH_WORKER_NODE_OPTIONS ?? ''].join(' ').trim(),
      });
      children.push(process_);
      workers.push({ process: process_, port });
    }
    const statementsSoFar = (): number =>
      statementFiles.reduce((sum, f) => sum + (existsSync(f) ? Number(readFileSync(f, 'utf8')) || 0 : 0), 0);
    for (const w of workers) await waitForHealth(`http://127.0.0.1:${w.port}/health/live`, w.process);
    const workersRss = (): number =>
      Math.round(workers.reduce((sum, w) => sum + rssMiB(w.process.pid!), 0) * 10) / 10;
    const started = performance.now();
    const rssStart = workersRss();
    const workersCpu = (): number => workers.reduce((sum, w) => sum + cpuSeconds(w.process.pid!), 0);
    await sleep(600);
    const cpuAtStart = { workers: workersCpu(), mock: cpuSeconds(mock.pid!) };
    const statementsAtStart = statementsSoFar();
    log(`${WORKERS} worker(s) up in ${((started - bootStart) / 1000).toFixed(1)} s, RSS ${rssStart} MiB`);

    let verified = 0;
    let rssPeak = rssStart;
    let lastReport = started;
    while (verified < APPLICATIONS) {
      await sleep(500);
      const row = await pg.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM applications WHERE status = 'VERIFIED'`,
      );
      verified = row.rows[0]?.n ?? 0;
      rssPeak = Math.max(rssPeak, workersRss());
      if (performance.now() - lastReport > 10_000) {
        lastReport = performance.now();
        log(
          `  ${verified} VERIFIED after ${((lastReport - started) / 1000).toFixed(0)} s, RSS ${workersRss()} MiB`,
        );
      }
      if (workers.some((w) => w.process.exitCode !== null)) throw new Error('a worker exited during the run');
    }
    const seconds = (performance.now() - started) / 1000;
    const rssEnd = workersRss();
    // Cores busy over the run: the worker process(es) and the mocked departments (PostgreSQL and Redis are the rest).
    const cores = {
      workers: Math.round(((workersCpu() - cpuAtStart.workers) / seconds) * 100) / 100,
      mockSources: Math.round(((cpuSeconds(mock.pid!) - cpuAtStart.mock) / seconds) * 100) / 100,
    };
    await sleep(1500); // the last second of call statistics (and of the statement counts)
    const statements = statementsSoFar() - statementsAtStart;
    const calls = await pg.query<{ calls: number; failed: number }>(
      `SELECT count(*)::int AS calls, count(*) FILTER (WHERE outcome <> 'OK')::int AS failed FROM source_calls`,
    );
    const loneCount = Number(process.env.BENCH_LONE ?? 50);
    let lone: { p50: number; p99: number; count: number } | null = null;
    if (loneCount > 0) {
      await sleep(2000);
      const sorted = (await loneLatencies(pg, PiiCipher.fromKey(config.piiKey), townships, loneCount)).sort(
        (a, b) => a - b,
      );
      lone = {
        p50: Math.round(percentile(sorted, 50)),
        p99: Math.round(percentile(sorted, 99)),
        count: loneCount,
      };
      log(
        `lone households (${loneCount}, one at a time, idle platform): p50 ${lone.p50} ms, p99 ${lone.p99} ms`,
      );
    }
    const runs = await pg.query<{ status: string; n: number }>(
      `SELECT status, count(*)::int AS n FROM verification_runs GROUP BY status ORDER BY status`,
    );
    const jobMs = meanJobMs(await (await fetch(`http://127.0.0.1:${workers[0]!.port}/metrics`)).text());
    for (const w of workers) w.process.kill('SIGTERM');
    mock.kill('SIGTERM');

    const loadAtEnd = loadavg()[0] ?? 0;
    const noop = await baseline(config.redisUrl, concurrency, BASELINE_JOBS);
    // start, the run's check job (which hands its checks to the per-source batches) and complete.
    const jobsPerApplication = 3;
    const result = {
      applications: APPLICATIONS,
      members: MEMBERS,
      seconds: Math.round(seconds * 10) / 10,
      applicationsPerSecond: Math.round((APPLICATIONS / seconds) * 10) / 10,
      pipelineJobsPerSecond: Math.round((APPLICATIONS * jobsPerApplication) / seconds),
      sourceCallsPerApplication: Math.round(((calls.rows[0]?.calls ?? 0) / APPLICATIONS) * 100) / 100,
      failedCalls: calls.rows[0]?.failed ?? 0,
      runs: Object.fromEntries(runs.rows.map((r) => [r.status, r.n])),
      workers: WORKERS,
      workerRssMiB: { start: rssStart, end: rssEnd, peak: rssPeak },
      coresBusy: cores,
      loneHouseholdLatencyMs: lone,
      statementsPerApplication: Math.round((statements / APPLICATIONS) * 100) / 100,
      workerCpuMsPerApplication: Math.round(((cores.workers * seconds) / APPLICATIONS) * 1000 * 10) / 10,
      baselineNoopJobsPerSecond: Math.round(noop),
      concurrency,
      sourceConcurrency: config.verification.sources.concurrency,
      loadAverage: { atStart: loadAtStart, atEnd: loadavg().map((l) => Math.round(l * 10) / 10) },
      loadAverage1m: Math.round(loadAtEnd * 10) / 10,
      baselineToTargetJobs: Math.round((noop / (200 * jobsPerApplication)) * 100) / 100,
      meanJobMs: jobMs,
    };
    log(JSON.stringify(result, null, 2));
    log('');
    log('| measure | value |');
    log('|---|---|');
    log(`| applications → VERIFIED | ${APPLICATIONS} × ${MEMBERS} members in ${result.seconds} s |`);
    log(`| **applications/s** | **${result.applicationsPerSecond}** (target ≥ 200) |`);
    log(`| queue jobs/s (${jobsPerApplication} per application) | ${result.pipelineJobsPerSecond} |`);
    log(`| baseline: raw BullMQ no-op jobs/s, same concurrency | ${result.baselineNoopJobsPerSecond} |`);
    log(
      `| source calls per application | ${result.sourceCallsPerApplication} (failed: ${result.failedCalls}) |`,
    );
    log(`| worker processes | ${WORKERS} |`);
    log(`| worker RSS start / end / peak (all workers) | ${rssStart} / ${rssEnd} / ${rssPeak} MiB |`);
    log(`| cores busy: worker(s) / mock-sources | ${cores.workers} / ${cores.mockSources} |`);
    log(`| worker CPU per application | ${result.workerCpuMsPerApplication} ms |`);
    log(`| PostgreSQL statements per application (worker) | ${result.statementsPerApplication} |`);
    log(`| load average at start / end | ${loadAtStart.join(' ')} / ${result.loadAverage.atEnd.join(' ')} |`);
  } finally {
    await cleanup();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(
      `pipeline benchmark failed: ${error instanceof Error ? error.stack : String(error)}\n`,
    );
    process.exit(1);
  },
);
