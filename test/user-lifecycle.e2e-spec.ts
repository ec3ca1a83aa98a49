import { DbProbe } from './support/db-probe';
import { ADMIN, client, createUsers, startApi, TEST_PASSWORD, type RunningApi } from './support/api-harness';

/** SPEC 2.3 (issue 9): login throttling under concurrency, client addresses, user lifecycle and token revocation. */
describe('access: throttling, proxies, user lifecycle and revocation (SPEC 2.3)', () => {
  let api: RunningApi;
  let http: ReturnType<typeof client>;
  let db: DbProbe;
  let adminToken: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    // A 127.0.0.0/8 proxy is trusted so the tests can speak for several client addresses through inject.
    api = await startApi({
      LOGIN_MAX_FAILURES: '5',
      TRUSTED_PROXIES: '127.0.0.1/32',
      AUTH_CACHE_TTL: 'PT5S',
    });
    http = client(api.app);
    db = await DbProbe.connect(api.db.adminUrl);
    await createUsers(http, [
      { username: 'victim', roles: ['STATION_OPERATOR'], areaCode: '431102001' },
      { username: 'leaver', roles: ['STATION_OPERATOR'], areaCode: '431102001' },
      { username: 'mover', roles: ['STATION_OPERATOR'], areaCode: '431102001' },
      { username: 'changer', roles: ['STATION_OPERATOR'], areaCode: '431102001' },
      { username: 'reset-me', roles: ['STATION_OPERATOR'], areaCode: '431102001' },
      { username: 'logger-out', roles: ['STATION_OPERATOR'], areaCode: '431102001' },
      { username: 'second-admin', roles: ['ADMIN'], areaCode: '431100' },
    ]);
    adminToken = await http.login(ADMIN.username, ADMIN.password);
    const list = await http.call<{ items: { id: string; username: string; active: boolean }[] }>(
      'GET',
      '/api/v1/users',
      { token: adminToken },
    );
    for (const user of list.body.items) ids[user.username] = user.id;
  }, 60_000);

  afterAll(async () => {
    await db?.close();
    await api?.close();
  });

  async function audit(action: string, username?: string) {
    return db.query<{ actor_username: string; detail: Record<string, unknown>; ip: string }>(
      `SELECT actor_username, detail, ip FROM audit_entries WHERE action = $1
         AND ($2::text IS NULL OR actor_username = $2 OR detail->>'username' = $2) ORDER BY seq`,
      [action, username ?? null],
    );
  }

  function login(username: string, password: string, from = '198.51.100.7') {
    return http.call('POST', '/api/v1/auth/login', {
      body: { username, password },
      headers: { 'x-forwarded-for': from },
    });
  }

  jest.setTimeout(60_000);

  it('checks at most LOGIN_MAX_FAILURES of 15 simultaneous wrong passwords against the hash', async () => {
    const replies = await Promise.all(
      Array.from({ length: 15 }, (_, i) => login('victim', `wrong-password-${i}`, `203.0.113.${i + 1}`)),
    );
    const statuses = replies.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 401)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(10);
    // Every hash check that failed is audited as a failure: exactly five.
    expect(await audit('auth.login.failed', 'victim')).toHaveLength(5);
    // One throttled entry for the window, not ten.
    expect(await audit('auth.login.throttled', 'victim')).toHaveLength(1);
    // The right password is refused too while locked out.
    const locked = await login('victim', TEST_PASSWORD);
    expect(locked.status).toBe(429);
    expect(locked.body).toMatchObject({ code: 'TOO_MANY_REQUESTS' });
    expect(locked.body.retryAfterSeconds).toBeGreaterThan(0);
    expect(await audit('auth.login.throttled', 'victim')).toHaveLength(1);
  });

  it('throttles by client address across usernames', async () => {
    const from = '192.0.2.99';
    const replies: number[] = [];
    for (let i = 0; i < 21; i++) replies.push((await login(`nobody-${i}`, 'wrong-password-x', from)).status);
    expect(replies.slice(0, 20).every((s) => s === 401)).toBe(true);
    expect(replies[20]).toBe(429);
    // A new forwarded address from an untrusted peer would not help: see the next test.
  }, 120_000);

  it('records only IP literals: a forged or oversized X-Forwarded-For is ignored, never a 500', async () => {
    const garbage = await http.call('POST', '/api/v1/auth/login', {
      body: { username: 'nobody-at-all', password: 'wrong-password-x' },
      headers: { 'x-forwarded-for': `${'z'.repeat(80)}, not-an-ip` },
    });
    expect(garbage.status).toBe(401);
    const [entry] = (await audit('auth.login.failed', 'nobody-at-all')).slice(-1);
    expect(entry?.ip).toBe('127.0.0.1');
  });

  it('ignores X-Forwarded-For from an untrusted peer (the default: no trusted proxies)', async () => {
    const other = await startApi(
      { TRUSTED_PROXIES: '' },
      { db: api.db, queuePrefix: `${api.queuePrefix}-b` },
    );
    try {
      const reply = await other.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': '203.0.113.200' },
        payload: JSON.stringify({ username: 'untrusted-xff', password: 'wrong-password-x' }),
      });
      expect(reply.statusCode).toBe(401);
      const [entry] = await audit('auth.login.failed', 'untrusted-xff');
      expect(entry?.ip).toBe('127.0.0.1');
    } finally {
      await other.close();
    }
  });

  it('deactivation revokes every token and refuses the login; reactivation lets the user back in', async () => {
    const token = await http.login('leaver', TEST_PASSWORD);
    expect((await http.call('GET', '/api/v1/me', { token })).status).toBe(200);
    const off = await http.call('PATCH', `/api/v1/users/${ids.leaver}`, {
      token: adminToken,
      body: { active: false },
    });
    expect(off.status).toBe(200);
    expect(off.body).toMatchObject({ username: 'leaver', active: false });
    expect((await http.call('GET', '/api/v1/me', { token })).status).toBe(401);
    expect((await login('leaver', TEST_PASSWORD, '198.51.100.50')).status).toBe(401);
    const on = await http.call('PATCH', `/api/v1/users/${ids.leaver}`, {
      token: adminToken,
      body: { active: true },
    });
    expect(on.status).toBe(200);
    expect((await http.call('GET', '/api/v1/me', { token })).status).toBe(401);
    const fresh = await http.login('leaver', TEST_PASSWORD);
    expect((await http.call('GET', '/api/v1/me', { token: fresh })).status).toBe(200);
    const [updated] = await audit('user.updated', 'leaver');
    expect(updated?.detail).toMatchObject({
      changes: { active: { from: true, to: false } },
      tokensRevoked: true,
    });
  });

  it('a role change revokes tokens; a display-name change does not; level rules apply', async () => {
    const token = await http.login('mover', TEST_PASSWORD);
    const renamed = await http.call('PATCH', `/api/v1/users/${ids.mover}`, {
      token: adminToken,
      body: { displayName: 'Mover 2' },
    });
    expect(renamed.status).toBe(200);
    expect((await http.call('GET', '/api/v1/me', { token })).status).toBe(200);
    const badLevel = await http.call('PATCH', `/api/v1/users/${ids.mover}`, {
      token: adminToken,
      body: { roles: ['COUNTY_APPROVER'] },
    });
    expect(badLevel.status).toBe(400);
    expect((await http.call('GET', '/api/v1/me', { token })).status).toBe(200);
    const changed = await http.call('PATCH', `/api/v1/users/${ids.mover}`, {
      token: adminToken,
      body: { roles: ['TOWNSHIP_REVIEWER'] },
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ roles: ['TOWNSHIP_REVIEWER'] });
    expect((await http.call('GET', '/api/v1/me', { token })).status).toBe(401);
    const fresh = await http.login('mover', TEST_PASSWORD);
    expect((await http.call('GET', '/api/v1/me', { token: fresh })).body).toMatchObject({
      roles: ['TOWNSHIP_REVIEWER'],
    });
  });

  it('changing one’s own password checks the current one and revokes every token; nothing audits a password', async () => {
    const token = await http.login('changer', TEST_PASSWORD);
    const wrong = await http.call('POST', '/api/v1/me/password', {
      token,
      body: { currentPassword: 'not-the-password', newPassword: 'a-new-password-22' },
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body).toMatchObject({ errors: [{ path: 'currentPassword' }] });
    expect((await http.call('GET', '/api/v1/me', { token })).status).toBe(200);
    const short = await http.call('POST', '/api/v1/me/password', {
      token,
      body: { currentPassword: TEST_PASSWORD, newPassword: 'short' },
    });
    expect(short.status).toBe(400);
    const ok = await http.call('POST', '/api/v1/me/password', {
      token,
      body: { currentPassword: TEST_PASSWORD, newPassword: 'a-new-password-22' },
    });
    expect(ok.status).toBe(204);
    expect((await http.call('GET', '/api/v1/me', { token })).status).toBe(401);
    expect((await login('changer', TEST_PASSWORD, '198.51.100.60')).status).toBe(401);
    expect((await login('changer', 'a-new-password-22', '198.51.100.61')).status).toBe(200);
    expect(await audit('user.password-changed', 'changer')).toHaveLength(1);
    const trail = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_entries WHERE detail::text LIKE '%a-new-password-22%' OR detail::text LIKE $1`,
      [`%${TEST_PASSWORD}%`],
    );
    expect(trail[0]?.n).toBe(0);
  });

  it('an administrator’s password reset revokes every token of the user', async () => {
    const token = await http.login('reset-me', TEST_PASSWORD);
    const reset = await http.call('POST', `/api/v1/users/${ids['reset-me']}/password`, {
      token: adminToken,
      body: { password: 'reset-password-33' },
    });
    expect(reset.status).toBe(204);
    expect((await http.call('GET', '/api/v1/me', { token })).status).toBe(401);
    expect((await login('reset-me', 'reset-password-33', '198.51.100.70')).status).toBe(200);
    expect(await audit('user.password-reset', 'reset-me')).toHaveLength(1);
    const missing = await http.call('POST', '/api/v1/users/00000000-0000-4000-8000-000000000000/password', {
      token: adminToken,
      body: { password: 'reset-password-33' },
    });
    expect(missing.status).toBe(404);
  });

  it('logout revokes every token of the caller (204), and is audited', async () => {
    const first = await http.login('logger-out', TEST_PASSWORD);
    const second = await http.login('logger-out', TEST_PASSWORD);
    const out = await http.call('POST', '/api/v1/auth/logout', { token: first });
    expect(out.status).toBe(204);
    expect((await http.call('GET', '/api/v1/me', { token: first })).status).toBe(401);
    expect((await http.call('GET', '/api/v1/me', { token: second })).status).toBe(401);
    expect((await http.call('POST', '/api/v1/auth/logout', { token: first })).status).toBe(401);
    expect(await audit('auth.logout', 'logger-out')).toHaveLength(1);
  });

  it('refuses to deactivate or demote the last active ADMIN (409)', async () => {
    const demoteSecond = await http.call('PATCH', `/api/v1/users/${ids['second-admin']}`, {
      token: adminToken,
      body: { active: false },
    });
    expect(demoteSecond.status).toBe(200);
    const self = await http.call('PATCH', `/api/v1/users/${ids.admin}`, {
      token: adminToken,
      body: { roles: ['AUDITOR'] },
    });
    expect(self.status).toBe(409);
    const off = await http.call('PATCH', `/api/v1/users/${ids.admin}`, {
      token: adminToken,
      body: { active: false },
    });
    expect(off.status).toBe(409);
    expect((await http.call('GET', '/api/v1/me', { token: adminToken })).status).toBe(200);
  });

  it('documents the new routes in OpenAPI with their request and response bodies', async () => {
    const doc = (await api.app.inject({ method: 'GET', url: '/api/docs-json' })).json<{
      paths: Record<string, Record<string, { requestBody?: unknown; responses: Record<string, unknown> }>>;
    }>();
    expect(doc.paths['/api/v1/users/{id}']?.patch?.requestBody).toBeDefined();
    expect(JSON.stringify(doc.paths['/api/v1/users/{id}']?.patch?.responses['200'])).toContain('UserViewDto');
    expect(doc.paths['/api/v1/users/{id}/password']?.post?.responses['204']).toBeDefined();
    expect(doc.paths['/api/v1/me/password']?.post?.requestBody).toBeDefined();
    expect(doc.paths['/api/v1/auth/logout']?.post?.responses['204']).toBeDefined();
    expect(JSON.stringify(doc.paths['/api/v1/auth/login']?.post?.responses['200'])).toContain(
      'LoginResponseDto',
    );
  });
});
