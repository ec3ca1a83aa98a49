import { applicationBody, memberBody, uniqueIdNumber } from '@app/testing';
import { DbProbe } from './support/db-probe';
import { ADMIN, client, createUsers, startApi, TEST_PASSWORD, type RunningApi } from './support/api-harness';

/**
 * Issue 9: hostile requests, each tried as an attacker would. Every row asserts its status, that the answer holds
 * nothing but the SPEC 10 error body (no user, no application, no value echoed back), and that nothing was written:
 * every table keeps its row count, and the audit trail gains at most the `access.denied` entries SPEC 8 requires.
 */

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
type Caller = 'none' | 'operator' | 'admin' | 'forged' | 'expired' | 'alg-none';

interface HostileRequest {
  name: string;
  method: Method;
  url: string;
  as?: Caller;
  headers?: Record<string, string>;
  /** A raw payload (string) or a value sent as JSON. */
  body?: unknown;
  contentType?: string;
  status: number | number[];
  /** The audit entries a refusal must write (SPEC 8: a denied access is audited). */
  audited?: string[];
}

const ID = uniqueIdNumber('1980-01-01');
const ERROR_KEYS = ['statusCode', 'code', 'message', 'errors', 'correlationId', 'retryAfterSeconds'];
/** Strings that must never come back in a refusal: a user's name, an ID number, a hash, a secret. */
const SECRETS = ['op-sec', 'Op Sec', 'admin-dev-password', '$argon2', ID, 'passwordHash', TEST_PASSWORD];

function deepNest(levels: number): unknown {
  let value: unknown = 'x';
  for (let i = 0; i < levels; i++) value = { a: value };
  return value;
}

function b64url(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

const REQUESTS: HostileRequest[] = [
  // Paths that the router decodes or normalises: never data, never 500 (SPEC 2.3).
  { name: 'percent-encoded a in /api', method: 'GET', url: '/%61pi/v1/users', status: 401 },
  { name: 'percent-encoded v in /v1', method: 'GET', url: '/api/%761/users', status: 401 },
  { name: 'encoded reports/sources', method: 'GET', url: '/%61pi/v1/reports/sources', status: 401 },
  { name: 'encoded applications', method: 'GET', url: '/%61pi/v1/applications', status: 401 },
  { name: 'encoded audit', method: 'GET', url: '/%61pi/v1/audit', status: 401 },
  { name: 'encoded slash', method: 'GET', url: '/api%2Fv1%2Fusers', status: [401, 404] },
  { name: 'double slash', method: 'GET', url: '//api/v1/users', status: [401, 404] },
  { name: 'dot segment', method: 'GET', url: '/api/v1/./users', status: [401, 404] },
  { name: 'dot-dot segment', method: 'GET', url: '/health/../api/v1/users', status: [401, 404] },
  { name: 'encoded dot-dot', method: 'GET', url: '/health/%2e%2e/api/v1/users', status: [401, 404] },
  { name: 'upper-case path', method: 'GET', url: '/API/v1/users', status: [401, 404] },
  { name: 'mixed-case path', method: 'GET', url: '/api/V1/Users', status: [401, 404] },
  { name: 'trailing slash', method: 'GET', url: '/api/v1/users/', status: [401, 404] },
  { name: 'semicolon path parameter', method: 'GET', url: '/api/v1/users;x=1', status: [401, 404] },
  { name: 'encoded me', method: 'GET', url: '/api/v1/%6de', status: 401 },
  { name: 'double-encoded a', method: 'GET', url: '/%2561pi/v1/users', status: 404 },
  { name: 'null byte in path', method: 'GET', url: '/api/v1/users%00', status: [400, 401, 404] },
  { name: 'encoded POST users', method: 'POST', url: '/%61pi/v1/users', body: {}, status: 401 },
  { name: 'HEAD on users', method: 'GET', url: '/api/v1/users?x=%61', status: 401 },
  // Tokens.
  { name: 'forged signature', method: 'GET', url: '/api/v1/users', as: 'forged', status: 401 },
  { name: 'expired token', method: 'GET', url: '/api/v1/me', as: 'expired', status: 401 },
  { name: 'alg none token', method: 'GET', url: '/api/v1/users', as: 'alg-none', status: 401 },
  {
    name: 'basic auth',
    method: 'GET',
    url: '/api/v1/users',
    headers: { authorization: 'Basic YWRtaW46YWRtaW4=' },
    status: 401,
  },
  {
    name: 'empty bearer',
    method: 'GET',
    url: '/api/v1/users',
    headers: { authorization: 'Bearer ' },
    status: 401,
  },
  // Roles and scope.
  {
    name: 'operator lists users',
    method: 'GET',
    url: '/api/v1/users',
    as: 'operator',
    status: 403,
    audited: ['access.denied'],
  },
  {
    name: 'operator creates an admin',
    method: 'POST',
    url: '/api/v1/users',
    as: 'operator',
    body: {
      username: 'evil-admin',
      password: 'a-long-password-9',
      displayName: 'x',
      roles: ['ADMIN'],
      areaCode: '431100',
    },
    status: 403,
    audited: ['access.denied'],
  },
  {
    name: 'operator reads the audit trail',
    method: 'GET',
    url: '/api/v1/audit',
    as: 'operator',
    status: 403,
    audited: ['access.denied'],
  },
  {
    name: 'unknown application',
    method: 'GET',
    url: `/api/v1/applications/${UNKNOWN_ID}`,
    as: 'operator',
    status: 404,
  },
  {
    name: 'area outside scope',
    method: 'GET',
    url: '/api/v1/areas/431103',
    as: 'operator',
    status: 404,
    audited: ['access.denied'],
  },
  // Hostile parameters (SPEC 10).
  { name: 'page=1e308', method: 'GET', url: '/api/v1/applications?page=1e308', as: 'operator', status: 400 },
  { name: 'page=-1', method: 'GET', url: '/api/v1/applications?page=-1', as: 'operator', status: 400 },
  { name: 'page=NaN', method: 'GET', url: '/api/v1/applications?page=NaN', as: 'operator', status: 400 },
  {
    name: 'page=Infinity',
    method: 'GET',
    url: '/api/v1/audit?page=Infinity',
    as: 'admin',
    status: [400, 403],
    audited: ['access.denied'],
  },
  {
    name: 'repeated page',
    method: 'GET',
    url: '/api/v1/applications?page=1&page=2',
    as: 'operator',
    status: 400,
  },
  {
    name: 'pageSize=100000',
    method: 'GET',
    url: '/api/v1/applications?pageSize=100000',
    as: 'operator',
    status: 400,
  },
  { name: 'null byte in q', method: 'GET', url: '/api/v1/applications?q=%00', as: 'operator', status: 400 },
  {
    name: 'unknown status and area',
    method: 'GET',
    url: '/api/v1/applications?status=NOPE&areaCode=x',
    as: 'operator',
    status: 400,
  },
  {
    name: 'malformed uuid',
    method: 'GET',
    url: '/api/v1/applications/not-a-uuid',
    as: 'operator',
    status: [400, 404],
  },
  {
    name: 'policy date 2026-02-30',
    method: 'GET',
    url: '/api/v1/policy/parameters?on=2026-02-30',
    as: 'operator',
    status: 400,
  },
  {
    name: 'policy year 0000',
    method: 'GET',
    url: '/api/v1/policy/parameters?on=0000-01-01',
    as: 'operator',
    status: 400,
  },
  // Bodies.
  {
    name: 'null byte in a name',
    method: 'POST',
    url: '/api/v1/applications',
    as: 'operator',
    body: applicationBody({ members: [memberBody({ idNumber: ID, name: 'Li\u0000Ming' })] }),
    status: 400,
  },
  {
    name: 'lone surrogate in a name',
    method: 'POST',
    url: '/api/v1/applications',
    as: 'operator',
    body: '{"townshipCode":"431102001","members":[{"name":"\\ud800"}]}',
    status: 400,
  },
  {
    name: '2 000 levels of nesting',
    method: 'POST',
    url: '/api/v1/applications',
    as: 'operator',
    body: deepNest(2000),
    status: 400,
  },
  {
    name: 'unknown key that is an ID number',
    method: 'POST',
    url: '/api/v1/users',
    as: 'admin',
    body: { [ID]: 1 },
    status: 400,
  },
  {
    name: 'prototype pollution',
    method: 'POST',
    url: '/api/v1/users',
    as: 'admin',
    body: '{"__proto__":{"roles":["ADMIN"]},"username":"proto-user"}',
    status: 400,
  },
  { name: 'malformed JSON', method: 'POST', url: '/api/v1/auth/login', body: '{"username":', status: 400 },
  {
    name: 'form-encoded login',
    method: 'POST',
    url: '/api/v1/auth/login',
    body: 'username=admin&password=x',
    contentType: 'application/x-www-form-urlencoded',
    status: 415,
  },
  {
    name: 'login with an array username',
    method: 'POST',
    url: '/api/v1/auth/login',
    body: { username: ['admin'], password: 'x' },
    status: 400,
  },
  {
    name: 'login with an object password',
    method: 'POST',
    url: '/api/v1/auth/login',
    body: { username: 'admin', password: { $ne: '' } },
    status: 400,
  },
  {
    name: 'oversized body',
    method: 'POST',
    url: '/api/v1/auth/login',
    body: { username: 'admin', password: 'x'.repeat(300 * 1024) },
    status: 413,
  },
  // Headers.
  {
    name: 'forged X-Forwarded-For of 200 characters',
    method: 'GET',
    url: '/api/v1/users',
    headers: { 'x-forwarded-for': 'a'.repeat(200) },
    status: 401,
  },
  {
    name: 'X-Request-Id with a newline payload',
    method: 'GET',
    url: '/api/v1/users',
    headers: { 'x-request-id': 'a'.repeat(500) },
    status: 401,
  },
];

describe('security: hostile requests (issue 9)', () => {
  let api: RunningApi;
  let http: ReturnType<typeof client>;
  let db: DbProbe;
  const tokens: Partial<Record<Caller, string>> = {};

  beforeAll(async () => {
    api = await startApi();
    http = client(api.app);
    db = await DbProbe.connect(api.db.adminUrl);
    await createUsers(http, [{ username: 'op-sec', roles: ['STATION_OPERATOR'], areaCode: '431102001' }]);
    tokens.admin = await http.login(ADMIN.username, ADMIN.password);
    tokens.operator = await http.login('op-sec', TEST_PASSWORD);
    const [header, payload] = tokens.admin.split('.');
    tokens.forged = `${header}.${payload}.${'A'.repeat(43)}`;
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString()) as Record<string, unknown>;
    tokens['alg-none'] = `${b64url({ alg: 'none', typ: 'JWT' })}.${b64url(claims)}.`;
    tokens.expired = `${header}.${b64url({ ...claims, exp: 1_000_000_000 })}.${tokens.admin.split('.')[2]}`;
  }, 60_000);

  afterAll(async () => {
    await db?.close();
    await api?.close();
  });

  /** Row counts of every table, and the audit actions written after `seq`. */
  async function snapshot(): Promise<Record<string, number>> {
    const tables = await db.query<{ tablename: string }>(
      `SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename NOT IN ('audit_entries', 'audit_chain_heads') ORDER BY 1`,
    );
    const counts: Record<string, number> = {};
    for (const { tablename } of tables) {
      const [row] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${tablename}"`);
      counts[tablename] = row!.n;
    }
    return counts;
  }

  it('has at least 40 hostile requests in its table', () => {
    expect(REQUESTS.length).toBeGreaterThanOrEqual(40);
  });

  it.each(REQUESTS.map((r) => [r.name, r] as const))('%s', async (_name, request) => {
    const before = await snapshot();
    const seq = await db.lastAuditSeq();
    const token = request.as && request.as !== 'none' ? tokens[request.as] : undefined;
    const raw = typeof request.body === 'string';
    const response = await api.app.inject({
      method: request.method,
      url: request.url,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(request.body !== undefined ? { 'content-type': request.contentType ?? 'application/json' } : {}),
        ...request.headers,
      },
      ...(request.body !== undefined
        ? { payload: raw ? (request.body as string) : JSON.stringify(request.body) }
        : {}),
    });
    const statuses = Array.isArray(request.status) ? request.status : [request.status];
    expect(statuses).toContain(response.statusCode);

    const body = JSON.parse(response.body || '{}') as Record<string, unknown>;
    for (const key of Object.keys(body)) expect(ERROR_KEYS).toContain(key);
    expect(body.statusCode).toBe(response.statusCode);
    for (const secret of SECRETS) expect(response.body).not.toContain(secret);
    for (const problem of (body.errors ?? []) as { path: string }[])
      expect(problem.path).toMatch(/^(?:[A-Za-z_$][\w$-]*|\[(?:\d+|<key>)\]|<key>|\.)*$/);

    expect(await snapshot()).toEqual(before);
    const written = await db.auditActionsAfter(seq);
    for (const action of written) expect(request.audited ?? []).toContain(action);
  });

  it('audits every list or search of applications with its filters and the ids returned (SPEC 8)', async () => {
    const created = await http.call<{ id: string }>('POST', '/api/v1/applications', {
      token: tokens.operator,
      body: applicationBody(),
    });
    expect(created.status).toBe(201);
    const seq = await db.lastAuditSeq();
    const listed = await http.call<{ items: { id: string }[] }>(
      'GET',
      `/api/v1/applications?status=VERIFYING&q=${ID}`,
      { token: tokens.operator },
    );
    expect(listed.status).toBe(200);
    const [entry] = await db.query<{
      action: string;
      detail: Record<string, unknown>;
      actor_username: string;
    }>('SELECT action, detail, actor_username FROM audit_entries WHERE seq > $1 ORDER BY seq', [seq]);
    expect(entry).toMatchObject({
      action: 'applications.listed',
      actor_username: 'op-sec',
      detail: { filters: { status: 'VERIFYING', q: `${ID.slice(0, 6)}********${ID.slice(14)}` } },
    });
    expect(entry!.detail.ids).toEqual(listed.body.items.map((i) => i.id));
    const all = await http.call<{ items: { id: string }[] }>('GET', '/api/v1/applications', {
      token: tokens.operator,
    });
    const [second] = await db.query<{ detail: { ids: string[] } }>(
      `SELECT detail FROM audit_entries WHERE action = 'applications.listed' ORDER BY seq DESC LIMIT 1`,
    );
    expect(second!.detail.ids).toEqual(all.body.items.map((i) => i.id));
    expect(second!.detail.ids).toContain(created.body.id);
  });
});
