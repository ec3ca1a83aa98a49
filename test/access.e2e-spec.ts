import { ADMIN, client, startApi, type RunningApi } from './support/api-harness';

describe('access: login, users, roles and scope (SPEC 2)', () => {
  let api: RunningApi;
  let http: ReturnType<typeof client>;
  let adminToken: string;

  beforeAll(async () => {
    api = await startApi();
    http = client(api.app);
    adminToken = await http.login(ADMIN.username, ADMIN.password);
  }, 60_000);

  afterAll(async () => {
    await api.close();
  });

  async function createUser(username: string, roles: string[], areaCode: string) {
    return http.call('POST', '/api/v1/users', {
      token: adminToken,
      body: { username, password: 'a-long-password-1', displayName: username, roles, areaCode },
    });
  }

  async function auditEntries(action: string) {
    const reply = await http.call<{
      items: { action: string; actor: { username: string | null }; detail: Record<string, unknown> }[];
    }>('GET', `/api/v1/audit?action=${action}&pageSize=100`, {
      token: await http.login('city-auditor', 'a-long-password-1'),
    });
    expect(reply.status).toBe(200);
    return reply.body.items;
  }

  it('bootstraps the administrator and logs in with the SPEC 2.3 response', async () => {
    const reply = await http.call('POST', '/api/v1/auth/login', { body: ADMIN });
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({
      tokenType: 'Bearer',
      expiresIn: 3600,
      user: { username: 'admin', roles: ['ADMIN'], areaCode: '431100' },
    });
    expect(typeof reply.body.accessToken).toBe('string');
    const me = await http.call('GET', '/api/v1/me', { token: reply.body.accessToken as string });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ username: 'admin', roles: ['ADMIN'], areaCode: '431100' });
    expect(me.body).not.toHaveProperty('passwordHash');
  });

  it('refuses wrong credentials with 401 and missing or forged tokens with 401', async () => {
    expect(
      (
        await http.call('POST', '/api/v1/auth/login', {
          body: { username: 'admin', password: 'wrong-password' },
        })
      ).status,
    ).toBe(401);
    expect(
      (
        await http.call('POST', '/api/v1/auth/login', {
          body: { username: 'nobody', password: 'whatever-1234' },
        })
      ).status,
    ).toBe(401);
    expect((await http.call('GET', '/api/v1/me')).status).toBe(401);
    const forged = await http.call('GET', '/api/v1/me', { token: `${adminToken.slice(0, -4)}AAAA` });
    expect(forged.status).toBe(401);
    expect(forged.body).toMatchObject({ statusCode: 401, code: 'UNAUTHENTICATED' });
    expect(typeof forged.body.correlationId).toBe('string');
  });

  it('creates users whose roles fit their area, refusing mismatches (400) and duplicates (409)', async () => {
    const created = await createUser('city-auditor', ['AUDITOR'], '431100');
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ username: 'city-auditor', roles: ['AUDITOR'], areaCode: '431100' });
    expect(created.body).not.toHaveProperty('passwordHash');

    const mismatch = await createUser('bad-roles', ['STATION_OPERATOR', 'COUNTY_APPROVER'], '431102');
    expect(mismatch.status).toBe(400);
    expect(mismatch.body.code).toBe('VALIDATION_FAILED');
    expect((mismatch.body.errors as { path: string }[]).map((e) => e.path)).toEqual(['roles[0]']);

    const short = await http.call('POST', '/api/v1/users', {
      token: adminToken,
      body: { username: 'x', password: 'short', displayName: '', roles: ['NOPE'], areaCode: 'abc', extra: 1 },
    });
    expect(short.status).toBe(400);
    expect((short.body.errors as { path: string }[]).map((e) => e.path).sort()).toEqual(
      ['areaCode', 'displayName', 'extra', 'password', 'roles', 'username'].sort(),
    );

    expect((await createUser('city-auditor', ['AUDITOR'], '431100')).status).toBe(409);
    const list = await http.call<{ items: { username: string }[] }>('GET', '/api/v1/users', {
      token: adminToken,
    });
    expect(list.body.items.map((u) => u.username)).toEqual(['admin', 'city-auditor']);
    expect((await auditEntries('user.created')).map((e) => e.detail.username)).toEqual([
      'admin',
      'city-auditor',
    ]);
  });

  it('answers 404 outside the caller’s area scope and 403 for a role it lacks, auditing both', async () => {
    expect((await createUser('op-chaoyang', ['STATION_OPERATOR'], '431102001')).status).toBe(201);
    const token = await http.login('op-chaoyang', 'a-long-password-1');
    expect((await http.call('GET', '/api/v1/areas/431102001', { token })).status).toBe(200);
    const other = await http.call('GET', '/api/v1/areas/431102002', { token });
    expect(other.status).toBe(404);
    expect(other.body.code).toBe('NOT_FOUND');
    const admin = await http.call('GET', '/api/v1/users', { token });
    expect(admin.status).toBe(403);
    expect(admin.body.code).toBe('FORBIDDEN');

    const denied = (await auditEntries('access.denied')).filter((e) => e.actor.username === 'op-chaoyang');
    expect(denied.map((e) => e.detail.status)).toEqual([404, 403]);
    expect(denied[1]!.detail.route).toBe('GET /api/v1/users');
  });

  it('throttles repeated login failures with 429, even for the right password, and audits them', async () => {
    expect((await createUser('op-victim', ['STATION_OPERATOR'], '431102001')).status).toBe(201);
    for (let i = 0; i < 5; i++) {
      expect(
        (
          await http.call('POST', '/api/v1/auth/login', {
            body: { username: 'op-victim', password: `wrong-${i}` },
          })
        ).status,
      ).toBe(401);
    }
    const blocked = await http.call('POST', '/api/v1/auth/login', {
      body: { username: 'op-victim', password: 'a-long-password-1' },
    });
    expect(blocked.status).toBe(429);
    expect(blocked.body.code).toBe('TOO_MANY_REQUESTS');
    const failures = (await auditEntries('auth.login.failed')).filter(
      (e) => e.actor.username === 'op-victim',
    );
    expect(failures).toHaveLength(5);
    expect((await auditEntries('auth.login.throttled')).length).toBeGreaterThanOrEqual(1);
  }, 30_000);

  it('echoes the caller’s X-Request-Id and serves OpenAPI', async () => {
    const reply = await http.call('GET', '/api/v1/me', { headers: { 'x-request-id': 'req-12345' } });
    expect(reply.headers['x-request-id']).toBe('req-12345');
    expect(reply.body.correlationId).toBe('req-12345');
    const docs = await http.call<{ paths: Record<string, unknown> }>('GET', '/api/docs-json');
    expect(docs.status).toBe(200);
    expect(Object.keys(docs.body.paths)).toEqual(
      expect.arrayContaining(['/api/v1/auth/login', '/api/v1/users', '/api/v1/audit']),
    );
  });
});
