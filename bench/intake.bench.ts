import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { Pool } from 'undici';
import { todayInChina } from '@app/common';
import { DEV_SOURCE_KEYS } from '@app/config';
import { migrate } from '@app/database';
import { DEMO_PASSWORD } from '../apps/cli/src/seed-demo';
import { HouseholdFactory, type Station } from './support/households';
import { machineInfo, otherBusyProcesses } from './support/machine';
import { runOpenLoopStep, type PreparedRequest, type StepResult } from './support/open-loop';
import {
  cpuSecondsOf,
  freePort,
  machineCpuTicks,
  startService,
  type RunningService,
} from './support/processes';
import {
  bestPassingRate,
  replaceSection,
  resultsTable,
  SECTION_HEADING,
  TARGET_P99_MS,
  TARGET_RATE,
  TARGET_LABELS,
  type MeasuredStep,
  type Target,
} from './support/report';

/** dist/ root: this file runs as dist/bench/intake.bench.js. */
const DIST = join(__dirname, '..');
const REPO = join(DIST, '..');

/** Explicit test secrets: the API runs with NODE_ENV=production, which refuses the development defaults. */
const BENCH_SECRETS = {
  JWT_SECRET: 'bench-only-jwt-secret-0123456789abcdef0123456789',
  PII_KEY: 'a3f1c2e4b5d60718293a4b5c6d7e8f90112233445566778899aabbccddeeff00',
  SIGNING_KEY: '4c1d2e3f405162738495a6b7c8d9eaf00112233445566778899aabbccddeeff0',
  ADMIN_PASSWORD: 'bench-admin-password-2026',
  // The intake never calls a department; production mode still requires every department's key.
  ...Object.fromEntries(Object.entries(DEV_SOURCE_KEYS).map(([code, key]) => [`SOURCE_KEY_${code}`, key])),
};

/** The station operator of the demo data (`station` workload). */
const DEMO_OPERATOR = { username: 'op-431102001', townshipCode: '431102001' };
/** Password of the operators the `city` workload creates. */
const BENCH_OPERATOR_PASSWORD = 'bench-operator-password-2026';

interface Settings {
  rates: number[];
  /** Platform workloads measured at each rate (`city`, `station`). */
  workloads: Workload[];
  warmupSeconds: number;
  measureSeconds: number;
  drainSeconds: number;
  /** PostgreSQL URL with `{db}` where the database name goes. */
  databaseUrlTemplate: string;
  redisUrl: string;
  connections: number;
  cpuProfileDir?: string;
  keepDatabase: boolean;
  writeDocs: boolean;
}

function numberList(value: string | undefined, fallback: number[]): number[] {
  if (!value) return fallback;
  const list = value.split(',').map((v) => Number(v.trim()));
  if (list.some((v) => !Number.isFinite(v) || v <= 0))
    throw new Error(`Not a list of positive numbers: ${value}`);
  return list;
}

/**
 * `city`: one STATION_OPERATOR in one township of each county of the city, requests spread evenly over them (13
 * audit chains, 13 number counters), as intake from the whole city arrives. `station`: the single demo operator
 * `op-431102001` alone, every request in one township and one county chain (the worst case for lock contention).
 */
type Workload = 'city' | 'station';

function workloads(value: string | undefined): Workload[] {
  const list = (value ?? 'city,station').split(',').map((v) => v.trim());
  for (const w of list) if (w !== 'city' && w !== 'station') throw new Error(`Unknown workload ${w}`);
  return list as Workload[];
}

function settings(env: NodeJS.ProcessEnv): Settings {
  return {
    rates: numberList(env.BENCH_RATES, [250, 500, 1000, 1500]),
    workloads: workloads(env.BENCH_WORKLOADS),
    warmupSeconds: Number(env.BENCH_WARMUP_SECONDS ?? '5'),
    measureSeconds: Number(env.BENCH_STEP_SECONDS ?? '15'),
    drainSeconds: Number(env.BENCH_DRAIN_SECONDS ?? '10'),
    databaseUrlTemplate: env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/{db}',
    redisUrl: env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    connections: Number(env.BENCH_CONNECTIONS ?? '128'),
    cpuProfileDir: env.BENCH_CPU_PROF || undefined,
    keepDatabase: env.BENCH_KEEP_DB === '1',
    writeDocs: env.BENCH_WRITE_DOCS !== '0',
  };
}

function log(line: string): void {
  process.stdout.write(`${line}\n`);
}

/** The child processes get exactly this environment (plus PATH/HOME), never the caller's secrets. */
function baseEnv(extra: Record<string, string>): Record<string, string> {
  const env: Record<string, string> = {};
  for (const key of ['PATH', 'HOME', 'TZ']) if (process.env[key]) env[key] = process.env[key];
  return { ...env, ...extra };
}

async function login(apiUrl: string, username: string, password: string): Promise<string> {
  const response = await fetch(`${apiUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  const body = (await response.json()) as { accessToken?: string };
  if (response.status !== 200 || !body.accessToken)
    throw new Error(`login of ${username} answered ${response.status}`);
  return body.accessToken;
}

/** One measured step against one server, with the CPU its process and the machine spent meanwhile. */
async function measure(
  target: Target,
  service: RunningService,
  pool: Pool,
  rate: number,
  config: Settings,
  prepare: (index: number) => PreparedRequest,
): Promise<MeasuredStep> {
  const cpuBefore = cpuSecondsOf(service.pid);
  const machineBefore = machineCpuTicks();
  const started = Date.now();
  const result: StepResult = await runOpenLoopStep(pool, {
    rate,
    warmupSeconds: config.warmupSeconds,
    measureSeconds: config.measureSeconds,
    drainSeconds: config.drainSeconds,
    expectStatus: 201,
    // Three seconds' worth of arrivals outstanding means the server is far past saturation.
    maxInFlight: Math.max(500, rate * 3),
    settleSeconds: 120,
    prepare,
  });
  const elapsed = (Date.now() - started) / 1000;
  const machineAfter = machineCpuTicks();
  const step: MeasuredStep = {
    target,
    result,
    serverCores: (cpuSecondsOf(service.pid) - cpuBefore) / elapsed,
    machineBusy:
      machineAfter.total > machineBefore.total
        ? (machineAfter.busy - machineBefore.busy) / (machineAfter.total - machineBefore.total)
        : 0,
  };
  log(
    `  ${TARGET_LABELS[target].padEnd(22)} ${String(rate).padStart(5)}/s → ${result.achievedRate.toFixed(0)} 201/s, ` +
      `p50 ${result.p50.toFixed(1)} ms, p99 ${result.p99.toFixed(1)} ms, p99.9 ${result.p999.toFixed(1)} ms, ` +
      `errors ${result.errors}${result.errors ? ` ${JSON.stringify(result.errorsByKind)}` : ''}, ` +
      `server ${step.serverCores.toFixed(2)} cores, machine ${(step.machineBusy * 100).toFixed(0)} % busy`,
  );
  for (const sample of result.errorSamples) log(`    e.g. ${sample}`);
  if (result.errors > 0 && service.output())
    log(`    ${service.name} output (last lines):\n${service.output().split('\n').slice(-5).join('\n')}`);
  return step;
}

/** Rows the platform must have written for every 201: the application, its audit entry and its outbox event. */
async function integrityCounts(databaseUrl: string): Promise<Record<string, number>> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const count = async (sql: string): Promise<number> =>
      Number(((await client.query<{ n: string }>(sql)).rows[0] ?? { n: '0' }).n);
    return {
      applications: await count('SELECT count(*) AS n FROM applications'),
      members: await count('SELECT count(*) AS n FROM application_members'),
      createdAuditEntries: await count(
        `SELECT count(*) AS n FROM audit_entries WHERE action = 'application.created'`,
      ),
      submittedEvents: await count(
        `SELECT count(*) AS n FROM outbox_messages WHERE type = 'application.submitted'`,
      ),
      verificationCommands: await count(`SELECT count(*) AS n FROM outbox_messages WHERE kind = 'COMMAND'`),
      verifyingApplications: await count(`SELECT count(*) AS n FROM applications WHERE status = 'VERIFYING'`),
    };
  } finally {
    await client.end();
  }
}

async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

async function main(): Promise<void> {
  const config = settings(process.env);
  const machine = machineInfo();
  const startedAt = new Date();
  const databaseName = `hev_bench_intake_${startedAt.getTime()}`;
  const databaseUrl = config.databaseUrlTemplate.replace('{db}', databaseName);
  log(
    `bench:intake — ${machine.cores} cores, ${machine.memoryGiB} GiB, node ${machine.node}, load ${machine.loadAverage}`,
  );
  log(
    `database ${databaseName}; rates ${config.rates.join(', ')}/s; ${config.warmupSeconds}+${config.measureSeconds} s per step`,
  );

  const { applied } = await migrate(databaseUrl);
  log(`migrated (${applied.length} migrations)`);

  const apiPort = await freePort();
  const apiEnv = baseEnv({
    NODE_ENV: 'production',
    DATABASE_URL: databaseUrl,
    REDIS_URL: config.redisUrl,
    QUEUE_PREFIX: `{hev-bench-${process.pid}}`,
    PORT: String(apiPort),
    LOG_LEVEL: 'warn',
    EVENT_SUBSCRIBERS: 'dibao-system',
    ...BENCH_SECRETS,
  });
  const seed = spawnSync(process.execPath, [join(DIST, 'apps/cli/src/seed-demo.js')], {
    env: apiEnv,
    encoding: 'utf8',
  });
  if (seed.status !== 0) throw new Error(`seed:demo failed: ${seed.stderr}`);
  log(seed.stdout.trim());

  const services: RunningService[] = [];
  const pools: Pool[] = [];
  const steps: MeasuredStep[] = [];
  let integrity: Record<string, number>;
  let auditVerify: string;
  let others: { comm: string; cores: number }[];
  try {
    if (config.cpuProfileDir) mkdirSync(config.cpuProfileDir, { recursive: true });
    const api = await startService({
      name: 'api',
      script: join(DIST, 'apps/api/src/main.js'),
      env: apiEnv,
      nodeArgs: config.cpuProfileDir ? ['--cpu-prof', `--cpu-prof-dir=${config.cpuProfileDir}`] : [],
      readyUrl: `http://127.0.0.1:${apiPort}/health/live`,
    });
    services.push(api);
    const baselinePort = await freePort();
    const baseline = await startService({
      name: 'baseline',
      script: join(DIST, 'bench/baseline/intake-baseline.server.js'),
      env: baseEnv({ DATABASE_URL: databaseUrl, PORT: String(baselinePort), BASELINE_POOL_SIZE: '20' }),
      readyUrl: `http://127.0.0.1:${baselinePort}/health`,
    });
    services.push(baseline);
    log(`api pid ${api.pid} on :${apiPort}; baseline pid ${baseline.pid} on :${baselinePort}`);

    others = await otherBusyProcesses(3, [process.pid, api.pid, baseline.pid]);
    if (others.length)
      log(`other busy processes: ${others.map((p) => `${p.comm} ${p.cores.toFixed(2)}`).join(', ')}`);

    const apiUrl = `http://127.0.0.1:${apiPort}`;
    const stationsOf: Record<Workload, StationLogin[]> = { city: [], station: [] };
    if (config.workloads.includes('station')) {
      const token = await login(apiUrl, DEMO_OPERATOR.username, DEMO_PASSWORD);
      stationsOf.station = [{ ...(await townshipOf(databaseUrl, DEMO_OPERATOR.townshipCode)), token }];
    }
    if (config.workloads.includes('city')) stationsOf.city = await cityStations(apiUrl, databaseUrl);
    log(`city-wide stations: ${stationsOf.city.map((s) => s.townshipCode).join(', ') || 'none'}`);

    const households = new HouseholdFactory(todayInChina());
    const poolOptions = { connections: config.connections, pipelining: 1, keepAliveTimeout: 60_000 };
    const apiPool = new Pool(apiUrl, poolOptions);
    const baselinePool = new Pool(`http://127.0.0.1:${baselinePort}`, poolOptions);
    pools.push(apiPool, baselinePool);

    let key = 0;
    const runId = startedAt.getTime().toString(36);
    /** Requests from the given stations in turn, each with its operator's token and a fresh Idempotency-Key. */
    const requestsFrom =
      (stations: StationLogin[]) =>
      (index: number): PreparedRequest => {
        const station = stations[index % stations.length]!;
        return {
          path: '/api/v1/applications',
          headers: {
            'content-type': 'application/json',
            authorization: `Bearer ${station.token}`,
            'idempotency-key': `bench-${runId}-${++key}`,
          },
          body: JSON.stringify(households.next(station)),
        };
      };
    const baselineRequests = requestsFrom(stationsOf.city.length ? stationsOf.city : stationsOf.station);

    // JIT, pools and caches: one unreported step at the lowest rate on each server.
    const warmRate = Math.min(...config.rates);
    log(`warm-up at ${warmRate}/s (not reported)`);
    const warmup = { ...config, warmupSeconds: 0, measureSeconds: 8 };
    await measure('baseline', baseline, baselinePool, warmRate, warmup, baselineRequests);
    let platformOk = 0;
    for (const workload of config.workloads) {
      platformOk += (
        await measure(workload, api, apiPool, warmRate, warmup, requestsFrom(stationsOf[workload]))
      ).result.okTotal;
    }

    // Interleaved, so the machine's other load affects every server and workload alike.
    for (const rate of config.rates) {
      log(`rate ${rate}/s`);
      steps.push(await measure('baseline', baseline, baselinePool, rate, config, baselineRequests));
      for (const workload of config.workloads) {
        await new Promise((resolve) => setTimeout(resolve, 2_000));
        const step = await measure(workload, api, apiPool, rate, config, requestsFrom(stationsOf[workload]));
        platformOk += step.result.okTotal;
        steps.push(step);
      }
      await new Promise((resolve) => setTimeout(resolve, 2_000));
    }

    // Counted once the API has stopped, so requests still in flight after a step's drain limit are included.
    await Promise.all(pools.splice(0).map((p) => p.close()));
    await api.stop();
    integrity = { created201: platformOk, ...(await integrityCounts(databaseUrl)) };
    log(`integrity: ${JSON.stringify(integrity)}`);
    const verify = spawnSync(process.execPath, [join(DIST, 'apps/cli/src/audit-verify.js')], {
      env: apiEnv,
      encoding: 'utf8',
    });
    auditVerify =
      verify.status === 0 ? 'valid' : `INVALID (exit ${verify.status}): ${verify.stdout}${verify.stderr}`;
    log(`audit:verify: ${auditVerify}`);
  } finally {
    await Promise.all(pools.map((p) => p.close()));
    for (const service of services.reverse()) await service.stop();
    if (!config.keepDatabase)
      await dropDatabase(config.databaseUrlTemplate.replace('{db}', 'postgres'), databaseName).catch(
        () => undefined,
      );
  }

  const section = renderSection({ config, machine, startedAt, steps, integrity, auditVerify, others });
  log('');
  log(section);
  if (config.writeDocs) {
    replaceSection(join(REPO, 'docs', 'benchmarks.md'), section);
    log(`\n(written to docs/benchmarks.md under "${SECTION_HEADING}")`);
  }
  if (config.cpuProfileDir) log(`CPU profile of the API in ${config.cpuProfileDir}`);
}

interface StationLogin extends Station {
  token: string;
}

/**
 * The `city` workload's stations: for every county of the city, its first township, with a STATION_OPERATOR created
 * through the API by the administrator (POST /api/v1/users) and logged in.
 */
async function cityStations(apiUrl: string, databaseUrl: string): Promise<StationLogin[]> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  let codes: string[];
  try {
    const rows = await client.query<{ code: string }>(
      `SELECT min(t.code) AS code FROM areas t JOIN areas c ON c.code = t.parent_code
       WHERE t.level = 'TOWNSHIP' AND c.level = 'COUNTY' AND c.parent_code = '431100'
       GROUP BY c.code ORDER BY c.code`,
    );
    codes = rows.rows.map((r) => r.code);
  } finally {
    await client.end();
  }
  const admin = await login(apiUrl, 'admin', BENCH_SECRETS.ADMIN_PASSWORD);
  const stations: StationLogin[] = [];
  for (const code of codes) {
    const username = `bench-op-${code}`;
    const created = await fetch(`${apiUrl}/api/v1/users`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` },
      body: JSON.stringify({
        username,
        password: BENCH_OPERATOR_PASSWORD,
        displayName: `核对站 ${code}`,
        roles: ['STATION_OPERATOR'],
        areaCode: code,
      }),
    });
    if (created.status !== 201) throw new Error(`creating ${username} answered ${created.status}`);
    const token = await login(apiUrl, username, BENCH_OPERATOR_PASSWORD);
    stations.push({ ...(await townshipOf(databaseUrl, code)), token });
  }
  return stations;
}

async function townshipOf(databaseUrl: string, code: string): Promise<Station> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const row = (await client.query<{ name: string }>('SELECT name FROM areas WHERE code = $1', [code]))
      .rows[0];
    const name = row?.name ?? code;
    return { townshipCode: code, townshipName: name, residence: name.endsWith('街道') ? 'URBAN' : 'RURAL' };
  } finally {
    await client.end();
  }
}

function renderSection(input: {
  config: Settings;
  machine: ReturnType<typeof machineInfo>;
  startedAt: Date;
  steps: MeasuredStep[];
  integrity: Record<string, number>;
  auditVerify: string;
  others: { comm: string; cores: number }[];
}): string {
  const { config, machine, startedAt, steps, integrity, auditVerify, others } = input;
  const best = (target: Target): string => {
    const rate = bestPassingRate(steps, target);
    return rate ? `${rate}/s` : 'none of the rates tried';
  };
  const verdict = config.workloads
    .map((w) => {
      const rate = bestPassingRate(steps, w);
      return `${TARGET_LABELS[w]}: ${rate >= TARGET_RATE ? '**met**' : '**not met**'} (highest passing rate ${best(w)})`;
    })
    .join('; ');
  const otherLine = others.length
    ? `Other processes were busy on the machine when the run started (not part of the benchmark): ${others
        .slice(0, 8)
        .map((p) => `${p.comm} ${p.cores.toFixed(2)} cores`)
        .join(', ')}.`
    : 'No other busy processes were seen when the run started.';
  return [
    SECTION_HEADING,
    '',
    '_Generated by `npm run bench:intake` (bench/intake.bench.ts); re-running it replaces this section._',
    '',
    `* Run: ${startedAt.toISOString()}, ${config.warmupSeconds} s warm-up + ${config.measureSeconds} s measured per step, open-loop arrivals, ${config.connections} client connections.`,
    `* Machine: ${machine.cores} cores (${machine.cpuModel}), ${machine.memoryGiB} GiB RAM, Node ${machine.node}; PostgreSQL, Redis, the API, the baseline and the load generator all on this machine. Load average at start: ${machine.loadAverage}.`,
    `* ${otherLine} The machine is shared, so absolute figures are noisy; the raw baseline, measured in the same run and interleaved step by step, is what makes them comparable. "machine busy" is the whole machine's CPU over the step, every process included.`,
    `* SPEC 10 target (≥ ${TARGET_RATE} applications/s at p99 ≤ ${TARGET_P99_MS} ms): ${verdict}. Raw baseline: highest passing rate ${best('baseline')}.`,
    '',
    resultsTable(steps),
    '',
    "Columns: *offered* is the fixed arrival rate; *achieved* counts 201 responses completed inside the measured window per second; latencies run from each request's **scheduled** send time to its full response (queueing counts, no coordinated omission); *errors* are non-201 answers, timeouts and network failures of the window's requests; *pass* = no errors, achieved ≥ 98 % of offered and p99 ≤ 100 ms.",
    '',
    `Integrity after the run (platform): ${Object.entries(integrity)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}; audit chain ${auditVerify || 'not checked'}.`,
    '',
    'Workloads: POST /api/v1/applications with realistic 1–6-member households (mixed relations, ages, incomes, assets, disabilities; DIBAO/EDGE/TEKUN), every ID number unique with a valid GB 11643 check character, a unique Idempotency-Key per request; about 10 % of households leave one member unauthorised (AWAITING_AUTHORIZATION), the rest enter VERIFYING (run row + verification command in the outbox). *City-wide*: 13 STATION_OPERATORs, one in the first township of each county of Yongzhou, taking turns (13 audit chains, 13 number counters). *One station*: the demo operator `op-431102001` alone (one township, one county audit chain: the worst case for the chain lock). API: `node dist/apps/api/src/main.js`, NODE_ENV=production, LOG_LEVEL=warn, fresh database, pool of 20 connections, no worker (the outbox is not relayed during the run). Baseline: `bench/baseline/intake-baseline.server.ts`, bare Fastify + one pg INSERT of the same JSON bodies, pool of 20.',
  ].join('\n');
}

main().catch((error: unknown) => {
  process.stderr.write(
    `bench:intake failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
