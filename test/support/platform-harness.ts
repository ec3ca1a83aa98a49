import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import {
  createTestDatabase,
  deleteKeysUnderPrefix,
  DisposableRedis,
  freePort,
  uniqueQueuePrefix,
  type TestDatabase,
} from '@app/testing';
import { ADMIN, client, startApi, type RunningApi } from './api-harness';
import { SOURCE_CODES, type SourceCode } from '@app/eligibility';

/*
 * The whole platform for end-to-end tests: the REAL worker and mock-sources as child processes (run from their
 * TypeScript sources through @swc-node/register, so a test never runs stale code — docs/decisions.md), and the API
 * in this process (driven with Fastify's inject). Each platform has free ports, its own database clone and queue
 * prefix, and optionally a Redis server of its own (required for anything that stops or wipes Redis).
 */

const ROOT = join(__dirname, '..', '..');
const LOG_DIR = join(tmpdir(), 'hev-e2e-logs');

export interface PlatformOptions {
  /** Run on a throw-away redis-server of this platform's own (outage and FLUSHALL tests). */
  disposableRedis?: boolean;
  /** Environment for the API and every worker (tuning such as SOURCE_ATTEMPTS or RECONCILE_AFTER). */
  env?: Record<string, string>;
  /** Serve the browser console built into this folder (browser tests). */
  consoleRoot?: string;
}

/** A child process of the platform (worker or mock-sources) listening on `port`. */
export class ChildService {
  readonly exited: Promise<number | null>;
  private readonly log: WriteStream;

  constructor(
    readonly name: string,
    readonly port: number,
    readonly process: ChildProcess,
    readonly logFile: string,
  ) {
    this.log = createWriteStream(logFile);
    process.stdout?.pipe(this.log, { end: false });
    process.stderr?.pipe(this.log, { end: false });
    this.exited = new Promise((resolve) => process.once('exit', (code) => resolve(code)));
  }

  get pid(): number {
    return this.process.pid ?? -1;
  }

  get running(): boolean {
    return this.process.exitCode === null && this.process.signalCode === null;
  }

  /** `kill -9`: no shutdown hooks, locks and connections left behind as after a crash. */
  async kill(): Promise<void> {
    if (this.running) this.process.kill('SIGKILL');
    await this.exited;
    this.log.end();
  }

  /** SIGTERM and wait (graceful shutdown); SIGKILL after `graceMs`. */
  async stop(graceMs = 15_000): Promise<void> {
    if (this.running) {
      this.process.kill('SIGTERM');
      const timer = setTimeout(() => this.process.kill('SIGKILL'), graceMs);
      await this.exited;
      clearTimeout(timer);
    }
    this.log.end();
  }
}

/** The mocked departments' control API (SPEC 5.2). */
export class MockSources {
  constructor(readonly url: string) {}

  async pin(idNumber: string, profile: Record<string, unknown>): Promise<void> {
    await this.send('PUT', `/admin/persons/${idNumber}`, profile);
  }

  async behave(
    source: SourceCode,
    behaviour: { latencyMs?: [number, number]; errorRate?: number; down?: boolean },
  ): Promise<void> {
    await this.send('PUT', `/admin/sources/${source}`, behaviour);
  }

  /** Every source's behaviour back to normal (pins and the call log stay). */
  async allHealthy(latencyMs: [number, number] = [0, 0]): Promise<void> {
    for (const source of SOURCES) await this.behave(source, { latencyMs, errorRate: 0, down: false });
  }

  async calls(idNumber: string): Promise<Record<string, number>> {
    const response = await fetch(`${this.url}/admin/calls?idNumber=${idNumber}`);
    if (!response.ok) throw new Error(`GET /admin/calls answered ${response.status}`);
    return (await response.json()) as Record<string, number>;
  }

  async reset(): Promise<void> {
    await this.send('POST', '/admin/reset');
  }

  private async send(method: string, path: string, body?: unknown): Promise<void> {
    const response = await fetch(`${this.url}${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok)
      throw new Error(`${method} ${path} answered ${response.status}: ${await response.text()}`);
  }
}

/** The eleven departments of SPEC 5.1. */
export const SOURCES = SOURCE_CODES;

export class Platform {
  readonly workers: ChildService[] = [];
  private pg: Client | undefined;

  private constructor(
    readonly db: TestDatabase,
    readonly queuePrefix: string,
    readonly redisUrl: string,
    readonly redis: DisposableRedis | null,
    readonly mockProcess: ChildService,
    readonly mock: MockSources,
    readonly api: RunningApi,
    private readonly env: Record<string, string>,
  ) {}

  /** mock-sources and the API; start workers with `startWorker()`. */
  static async start(options: PlatformOptions = {}): Promise<Platform> {
    mkdirSync(LOG_DIR, { recursive: true });
    const redis = options.disposableRedis ? await DisposableRedis.create() : null;
    const redisUrl = redis?.url ?? process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
    const db = await createTestDatabase();
    const queuePrefix = uniqueQueuePrefix();
    const mockPort = await freePort();
    const mockUrl = `http://127.0.0.1:${mockPort}`;
    const env = {
      NODE_ENV: 'test',
      DATABASE_URL: db.url,
      REDIS_URL: redisUrl,
      QUEUE_PREFIX: queuePrefix,
      MOCK_SOURCES_URL: mockUrl,
      ...options.env,
    };
    const mockProcess = await spawnService('mock-sources', 'apps/mock-sources/src/main.ts', mockPort, {
      ...env,
      MOCK_SOURCES_PORT: String(mockPort),
      MOCK_SOURCES_CONTROL: 'true',
    });
    const api = await startApi(env, { db, queuePrefix }, { consoleRoot: options.consoleRoot });
    return new Platform(db, queuePrefix, redisUrl, redis, mockProcess, new MockSources(mockUrl), api, env);
  }

  get http(): ReturnType<typeof client> {
    return client(this.api.app);
  }

  /** A real worker process (`apps/worker/src/main.ts`), healthy when this resolves. */
  async startWorker(env: Record<string, string> = {}): Promise<ChildService> {
    const port = await freePort();
    const worker = await spawnService(`worker-${this.workers.length + 1}`, 'apps/worker/src/main.ts', port, {
      ...this.env,
      WORKER_PORT: String(port),
      ...env,
    });
    this.workers.push(worker);
    return worker;
  }

  /** A query on the platform's database, for assertions. */
  async sql<T = Record<string, unknown>>(text: string, params: unknown[] = []): Promise<T[]> {
    if (!this.pg) {
      this.pg = new Client({ connectionString: this.db.url });
      await this.pg.connect();
    }
    return (await this.pg.query(text, params)).rows as T[];
  }

  /** Users of every role the verification routes need, in 零陵区 (431102) and its township 431102001. */
  async createUsers(): Promise<Record<UserKey, string>> {
    const admin = await this.http.login(ADMIN.username, ADMIN.password);
    const tokens = {} as Record<UserKey, string>;
    for (const [key, user] of Object.entries(TEST_USERS) as [UserKey, (typeof TEST_USERS)[UserKey]][]) {
      const created = await this.http.call('POST', '/api/v1/users', {
        token: admin,
        body: { ...user, username: key, displayName: key, password: TEST_PASSWORD },
      });
      if (created.status !== 201 && created.status !== 409)
        throw new Error(`creating ${key} answered ${created.status}`);
      tokens[key] = await this.http.login(key, TEST_PASSWORD);
    }
    return tokens;
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.stop()));
    await this.mockProcess.stop();
    await this.pg?.end().catch(() => undefined);
    await this.api.close();
    await this.db.drop();
    // A disposable redis-server goes with its keys; on the shared one, the keys of this platform's own prefix.
    if (this.redis) await this.redis.stop();
    else await deleteKeysUnderPrefix(this.redisUrl, this.queuePrefix);
  }
}

const TEST_PASSWORD = 'e2e-password-2026';

export const TEST_USERS = {
  operator: { roles: ['STATION_OPERATOR'], areaCode: '431102001' },
  reviewer: { roles: ['TOWNSHIP_REVIEWER'], areaCode: '431102001' },
  officer: { roles: ['VERIFICATION_OFFICER'], areaCode: '431102' },
  approver: { roles: ['COUNTY_APPROVER'], areaCode: '431102' },
  auditor: { roles: ['AUDITOR'], areaCode: '431102' },
  supervisor: { roles: ['CITY_SUPERVISOR'], areaCode: '431100' },
  otherOfficer: { roles: ['VERIFICATION_OFFICER'], areaCode: '431103' },
} as const;
export type UserKey = keyof typeof TEST_USERS;

/** Polls `probe` until it returns something other than undefined/false; throws `what` after `timeoutMs`. */
export async function waitFor<T>(
  probe: () => Promise<T | undefined | false>,
  what: string,
  timeoutMs = 30_000,
  intervalMs = 200,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/** Starts `entry` from its TypeScript source and waits for `/health/live` on `port`. */
async function spawnService(
  name: string,
  entry: string,
  port: number,
  env: Record<string, string>,
): Promise<ChildService> {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', join(ROOT, entry)], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      SWC_NODE_PROJECT: join(ROOT, 'tsconfig.json'),
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const service = new ChildService(name, port, child, join(LOG_DIR, `${name}-${port}.log`));
  const url = `http://127.0.0.1:${port}/health/live`;
  await waitFor(
    async () => {
      if (!service.running) throw new Error(`${name} exited during start; see ${service.logFile}`);
      try {
        return (await fetch(url)).ok;
      } catch {
        return false;
      }
    },
    `${name} to listen (log: ${service.logFile})`,
    60_000,
    100,
  );
  return service;
}
