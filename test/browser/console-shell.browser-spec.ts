import { ConsoleHarness, login, screenshot, seriousA11yViolations } from '../support/browser';

/*
 * The console's shell in a real browser: how the api serves it (deep links, caching, CSP, the API's own 404s), the
 * login page (SPEC 12 labels, wrong password, throttling), session handling (401 → /login and back to the page asked
 * for; nothing in localStorage), the menu by role, and axe-core on the pages.
 */
jest.setTimeout(90_000);

describe('console shell (browser)', () => {
  let h: ConsoleHarness;

  beforeAll(async () => {
    h = await ConsoleHarness.start({ worker: false, env: { LOGIN_MAX_FAILURES: '3' } });
    await h.platform.createUsers();
  }, 120_000);

  afterAll(async () => {
    await h?.close();
  });

  it('serves index.html for console paths and keeps the API, health and metrics paths as they were', async () => {
    const get = (path: string) => fetch(`${h.baseUrl}${path}`);
    for (const path of [
      '/',
      '/login',
      '/applications/0b6c1a8e-1d7e-4c1b-9f65-0a4c9e1f2d3a',
      '/reports/workload',
    ]) {
      const response = await get(path);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain('text/html');
      expect(response.headers.get('cache-control')).toBe('no-cache');
      const csp = response.headers.get('content-security-policy') ?? '';
      expect(csp).toContain(`default-src 'self'`);
      expect(csp).toContain(`script-src 'self'`);
      expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
      expect(await response.text()).toContain('<div id="root">');
    }
    const html = await (await get('/')).text();
    const asset = /src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(asset).toBeDefined();
    const script = await get(asset!);
    expect(script.status).toBe(200);
    expect(script.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');

    for (const path of ['/api/v1/nothing-here', '/API/v1/users', '/api', '/assets/missing-file.js']) {
      const response = await get(path);
      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toContain('application/json');
      expect(((await response.json()) as { code: string }).code).toBe('NOT_FOUND');
    }
    expect((await get('/api/v1/users')).status).toBe(401);
    expect((await get('/health/live')).status).toBe(200);
    expect((await get('/metrics')).status).toBe(200);
    expect((await get('/api/docs-json')).status).toBe(200);
  });

  it('Swagger UI at /api/docs still works under the Content Security Policy', async () => {
    const context = await h.context();
    const page = await context.newPage();
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    await page.goto('/api/docs');
    await page.locator('.opblock').first().waitFor();
    expect(violations).toEqual([]);
    await context.close();
  });

  it('the login page: labelled fields, wrong password, throttling in Chinese; back to the page asked for', async () => {
    const context = await h.context();
    const page = await context.newPage();
    // A deep link without a session goes to /login and remembers the page.
    await page.goto('/applications?status=VERIFIED');
    await page.waitForURL(/\/login\?next=/);
    expect(new URL(page.url()).searchParams.get('next')).toBe('/applications?status=VERIFIED');
    await page.getByRole('button', { name: '登录' }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'login');

    await login(page, 'reviewer', 'wrong-password-1');
    await page.getByRole('alert').filter({ hasText: '用户名或密码错误' }).waitFor();

    // Past LOGIN_MAX_FAILURES (3 for this platform where configurable, else the default 5) the login is throttled.
    const throttled = page.getByRole('alert').filter({ hasText: /尝试次数过多，请 \d+ 分钟后再试/ });
    for (let attempt = 2; attempt <= 6 && (await throttled.count()) === 0; attempt++)
      await login(page, 'reviewer', `wrong-password-${attempt}`);
    await throttled.waitFor();
    await context.close();

    const fresh = await h.context();
    const page2 = await fresh.newPage();
    await page2.goto('/applications?status=VERIFIED');
    await page2.waitForURL(/\/login/);
    await login(page2, 'operator', 'e2e-password-2026');
    await page2.waitForURL((url) => url.pathname === '/applications' && url.search === '?status=VERIFIED');
    // The token is in sessionStorage, never in localStorage.
    const stored = await page2.evaluate<{ local: string[]; session: string[] }>(
      '({ local: Object.keys(localStorage), session: Object.keys(sessionStorage) })',
    );
    expect(stored.local).toEqual([]);
    expect(stored.session).toContain('hev.session');
    // A reload keeps the session and the page.
    await page2.reload();
    await page2.getByRole('button', { name: '退出登录' }).waitFor();
    expect(new URL(page2.url()).pathname).toBe('/applications');
    await fresh.close();
  });

  it('a 401 (token no longer valid) returns to /login, and logging in again returns to the same page', async () => {
    const page = await h.loginAs('supervisor', 'e2e-password-2026', '/policy');
    await page.getByRole('heading', { name: '政策参数' }).waitFor();
    // The stored token no longer works (as after a revocation or a restart with a new secret).
    await page.evaluate(`(() => {
      const stored = JSON.parse(sessionStorage.getItem('hev.session'));
      stored.token = 'not-a-valid-token';
      sessionStorage.setItem('hev.session', JSON.stringify(stored));
    })()`);
    await page.reload();
    await page.goto('/applications');
    await page.waitForURL(/\/login\?.*next=%2Fapplications/);
    await page.getByText('登录已失效，请重新登录。').waitFor();
    await login(page, 'supervisor', 'e2e-password-2026');
    await page.waitForURL((url) => url.pathname === '/applications');
    await page.context().close();
  });

  it('logout clears the session; the menu shows what the role may use; unknown paths say so', async () => {
    const page = await h.loginAs('operator', 'e2e-password-2026');
    const menu = page.getByRole('navigation', { name: '主菜单' });
    await menu.getByRole('link', { name: '新建申请' }).waitFor();
    expect(await menu.getByRole('link', { name: '用户管理' }).count()).toBe(0);
    expect(await menu.getByRole('link', { name: '工作量报表' }).count()).toBe(0);
    expect(await seriousA11yViolations(page)).toEqual([]);

    await page.goto('/no/such/page');
    await page.getByRole('heading', { name: '未找到页面' }).waitFor();

    await page.getByRole('button', { name: '退出登录' }).click();
    await page.waitForURL(/\/login$/);
    expect(await page.evaluate('Object.keys(sessionStorage)')).toEqual([]);
    await page.goto('/applications');
    await page.waitForURL(/\/login\?next=/);
    await page.context().close();

    const approver = await h.loginAs('approver', 'e2e-password-2026');
    const approverMenu = approver.getByRole('navigation', { name: '主菜单' });
    await approverMenu.getByRole('link', { name: '工作量报表' }).waitFor();
    expect(await approverMenu.getByRole('link', { name: '新建申请' }).count()).toBe(0);
    await approver.context().close();
  });

  it('every SPEC 12 path opens a page (lazily loaded) with no serious accessibility violation', async () => {
    const page = await h.loginAs('supervisor', 'e2e-password-2026');
    for (const path of [
      '/beneficiaries',
      '/review-batches',
      '/reports/workload',
      '/reports/sources',
      '/audit',
      '/users',
      '/policy',
      '/calendar',
    ]) {
      await page.goto(path);
      await page.getByRole('heading', { level: 1 }).waitFor();
      const violations = await seriousA11yViolations(page);
      expect({ path, violations }).toEqual({ path, violations: [] });
    }
    await page.context().close();
  });
});
