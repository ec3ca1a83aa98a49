import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createHttpApp } from '@app/platform';
import { createTestDatabase, uniqueQueuePrefix, type TestDatabase } from '@app/testing';
import { AppModule } from '../../apps/api/src/app.module';
import { WorkerModule } from '../../apps/worker/src/worker.module';

export interface RunningApi {
  app: NestFastifyApplication;
  db: TestDatabase;
  queuePrefix: string;
  close(): Promise<void>;
}

/**
 * The real API application, in this test process, on a fresh clone of the migrated template database and a queue
 * prefix of its own (or on the ones `shared` hands in, e.g. by the platform harness). Configuration is read from the environment exactly as in production.
 */
export async function startApi(
  env: Record<string, string> = {},
  shared?: { db: TestDatabase; queuePrefix: string },
): Promise<RunningApi> {
  const db = shared?.db ?? (await createTestDatabase());
  const queuePrefix = shared?.queuePrefix ?? uniqueQueuePrefix();
  Object.assign(process.env, {
    NODE_ENV: 'test',
    DATABASE_URL: db.url,
    QUEUE_PREFIX: queuePrefix,
    LOG_LEVEL: 'silent',
    ...env,
  });
  const app = await createHttpApp(AppModule, { title: 'test', openApi: true });
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return {
    app,
    db,
    queuePrefix,
    close: async () => {
      await app.close();
      // A database handed in belongs to the caller.
      if (!shared) await db.drop();
    },
  };
}

export interface Reply<T = Record<string, unknown>> {
  status: number;
  body: T;
  headers: Record<string, unknown>;
}

/** A small HTTP client over Fastify's inject: JSON in, JSON out, optional bearer token. */
export function client(app: NestFastifyApplication) {
  async function call<T = Record<string, unknown>>(
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    url: string,
    options: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
  ): Promise<Reply<T>> {
    const response = await app.inject({
      method,
      url,
      headers: {
        ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
        ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...options.headers,
      },
      ...(options.body !== undefined
        ? { payload: typeof options.body === 'string' ? options.body : JSON.stringify(options.body) }
        : {}),
    });
    const text = response.body;
    return {
      status: response.statusCode,
      body: (text ? JSON.parse(text) : {}) as T,
      headers: response.headers,
    };
  }

  async function login(username: string, password: string): Promise<string> {
    const reply = await call<{ accessToken: string }>('POST', '/api/v1/auth/login', {
      body: { username, password },
    });
    if (reply.status !== 200) throw new Error(`login of ${username} failed with ${reply.status}`);
    return reply.body.accessToken;
  }

  return { call, login };
}

export const ADMIN = { username: 'admin', password: 'admin-dev-password' };

export interface RunningWorker {
  app: NestFastifyApplication;
  close(): Promise<void>;
}

/**
 * The real worker application (queue consumers, outbox relay) in this test process, on the same database and queue
 * prefix as `api`. It serves no HTTP port; close it before the API (the API's close drops the database).
 */
export async function startWorker(
  api: Pick<RunningApi, 'db' | 'queuePrefix'>,
  env: Record<string, string> = {},
): Promise<RunningWorker> {
  Object.assign(process.env, {
    NODE_ENV: 'test',
    DATABASE_URL: api.db.url,
    QUEUE_PREFIX: api.queuePrefix,
    LOG_LEVEL: 'silent',
    ...env,
  });
  const app = await createHttpApp(WorkerModule, { title: 'test worker' });
  await app.init();
  return { app, close: () => app.close() };
}

/** The password every user made by `createUsers` gets. */
export const TEST_PASSWORD = 'a-long-password-1';

/** Creates users through `POST /api/v1/users` as the administrator; fails the test on any refusal. */
export async function createUsers(
  http: ReturnType<typeof client>,
  users: { username: string; roles: string[]; areaCode: string }[],
): Promise<void> {
  const token = await http.login(ADMIN.username, ADMIN.password);
  for (const user of users) {
    const reply = await http.call('POST', '/api/v1/users', {
      token,
      body: { ...user, password: TEST_PASSWORD, displayName: user.username },
    });
    if (reply.status !== 201) throw new Error(`creating ${user.username} failed with ${reply.status}`);
  }
}
