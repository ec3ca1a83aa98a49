import { loadHolidayData } from '@app/calendar';
import { ADMIN } from '../support/api-harness';
import { ConsoleHarness, screenshot, seriousA11yViolations } from '../support/browser';

/*
 * The administrator's pages in a real browser: 工作日历 (SPEC 4) with the 工作台 warning, 用户管理 (SPEC 2.3) and
 * 政策参数 (SPEC 6.1) — labels bound to controls, controls by role, blocked actions explained, axe-core, screenshots.
 */
jest.setTimeout(180_000);

const PASSWORD = 'e2e-password-2026';
// The newest year the shipped data file knows: the next one is missing from a fresh database.
const LAST_SHIPPED = Math.max(...Object.keys(loadHolidayData().years).map(Number));
const NEXT = LAST_SHIPPED + 1;

describe('administrator pages (browser)', () => {
  let h: ConsoleHarness;

  beforeAll(async () => {
    h = await ConsoleHarness.start({ worker: false });
    await h.platform.createUsers();
  }, 240_000);

  afterAll(async () => {
    await h?.close();
  });

  async function adminAt(path: string, now?: string) {
    const context = await h.context();
    // Only the page's clock: the API keeps real time.
    if (now) await context.clock.setFixedTime(new Date(now));
    const page = await context.newPage();
    await page.goto(`/login?next=${encodeURIComponent(path)}`);
    await page.getByLabel('用户名').fill(ADMIN.username);
    await page.getByLabel('密码').fill(ADMIN.password);
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
    return page;
  }

  it('工作台 warns the administrator from October on while next year’s calendar is missing', async () => {
    const september = await adminAt('/', `${LAST_SHIPPED}-09-30T02:00:00Z`);
    await september.getByRole('heading', { name: '工作台', level: 1 }).waitFor();
    await september
      .getByRole('navigation', { name: '主菜单' })
      .getByRole('link', { name: '工作日历' })
      .waitFor();
    // Give the calendar query time to answer before asserting on absence.
    await september.waitForResponse((r) => r.url().endsWith('/api/v1/calendar')).catch(() => undefined);
    expect(await september.getByText(`${NEXT}年工作日历尚未加载`).count()).toBe(0);
    await september.context().close();

    const october = await adminAt('/', `${LAST_SHIPPED}-10-15T02:00:00Z`);
    const warning = october.getByRole('alert').filter({ hasText: `${NEXT}年工作日历尚未加载` });
    await warning.waitFor();
    await warning.getByRole('link', { name: '工作日历' }).click();
    await october.waitForURL((url) => url.pathname === '/calendar');
    await october.context().close();
  });

  it('工作日历: shows a year, explains every problem of a load in Chinese, stores it and the warning goes', async () => {
    const page = await adminAt('/calendar', `${LAST_SHIPPED}-10-15T02:00:00Z`);
    await page.getByRole('heading', { name: '工作日历', level: 1 }).waitFor();
    // The current (fixed) year is loaded: its days off are listed by month.
    await page.getByText(`${LAST_SHIPPED} 年`, { exact: true }).waitFor();
    await page.getByText('1月1日', { exact: false }).first().waitFor();

    await page.getByLabel('年份').fill(String(NEXT));
    await page
      .getByLabel('来源（通知名称及文号）')
      .fill(`国务院办公厅关于${NEXT}年部分节假日安排的通知（测试）`);
    // A date of another year, and a weekday listed as a make-up working day.
    const weekday = firstWeekday(NEXT);
    await page.getByLabel(/^放假日期/).fill(`${NEXT}-01-01\n${LAST_SHIPPED}-12-31`);
    await page.getByLabel(/^调休上班日期/).fill(weekday);
    await page.getByRole('button', { name: '保存日历' }).click();
    await page.getByText(`${LAST_SHIPPED}-12-31 不在所选年份内`).waitFor();
    await page.getByText(`${weekday} 是周一至周五，本来就上班；调休上班日只能是周六或周日`).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);

    await page.getByLabel(/^放假日期/).fill(`${NEXT}-01-01\n${NEXT}-10-01~${NEXT}-10-03`);
    await page.getByLabel(/^调休上班日期/).fill('');
    await page.getByRole('button', { name: '保存日历' }).click();
    await page.getByText(`已保存 ${NEXT} 年工作日历`).waitFor();
    await page.getByText('放假（4 天）').waitFor();
    const stored = await h.platform.http.call<{ holidays: string[]; updatedBy: string }>(
      'GET',
      `/api/v1/calendar/${NEXT}`,
      { token: await h.platform.http.login(ADMIN.username, ADMIN.password) },
    );
    expect(stored.body).toMatchObject({
      holidays: [`${NEXT}-01-01`, `${NEXT}-10-01`, `${NEXT}-10-02`, `${NEXT}-10-03`],
      updatedBy: ADMIN.username,
    });
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'calendar');

    await page.goto('/');
    await page.getByRole('heading', { name: '工作台', level: 1 }).waitFor();
    await page.waitForResponse((r) => r.url().endsWith('/api/v1/calendar')).catch(() => undefined);
    expect(await page.getByText(`${NEXT}年工作日历尚未加载`).count()).toBe(0);
    await page.context().close();
  });

  it('工作日历 is read-only for other roles, and says so', async () => {
    const page = await h.loginAs('supervisor', PASSWORD, '/calendar');
    await page.getByRole('heading', { name: '工作日历', level: 1 }).waitFor();
    await page.getByText('仅系统管理员可以加载或修改工作日历；您可以查看。').waitFor();
    expect(await page.getByRole('button', { name: '保存日历' }).count()).toBe(0);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('用户管理: lists users, creates one whose roles fit the area level, explains the ones that do not', async () => {
    const page = await adminAt('/users');
    await page.getByRole('heading', { name: '用户管理', level: 1 }).waitFor();
    await page.getByRole('cell', { name: 'operator', exact: true }).first().waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'users');

    await page.getByRole('button', { name: '新建用户' }).click();
    const dialog = page.getByRole('dialog', { name: '新建用户' });
    await dialog.getByLabel('用户名').fill('op2-431102001');
    await dialog.getByLabel('姓名/说明').fill('朝阳街道核对站 李娜');
    await dialog.getByLabel('初始密码').fill('a-long-password-9');
    // Before an area is chosen no role can be ticked.
    expect(await dialog.getByRole('checkbox', { name: '核对站工作人员' }).isDisabled()).toBe(true);
    await dialog.getByLabel('所属区域').click();
    await page.getByRole('menuitemcheckbox', { name: '永州市' }).click();
    await page.getByRole('menuitemcheckbox', { name: '零陵区' }).click();
    await page.getByRole('menuitemcheckbox', { name: '朝阳街道' }).click();
    await dialog.getByRole('checkbox', { name: '核对站工作人员' }).check();
    expect(await dialog.getByRole('checkbox', { name: '系统管理员' }).isDisabled()).toBe(true);
    await dialog.getByText('（须绑定市级区域）').first().waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: '创建' }).click();
    await page.getByText('已创建用户 op2-431102001').waitFor();
    await page.getByRole('cell', { name: 'op2-431102001', exact: true }).waitFor();

    const users = await h.platform.http.call<{
      items: { username: string; roles: string[]; areaCode: string }[];
    }>('GET', '/api/v1/users', { token: await h.platform.http.login(ADMIN.username, ADMIN.password) });
    expect(users.body.items.find((u) => u.username === 'op2-431102001')).toMatchObject({
      roles: ['STATION_OPERATOR'],
      areaCode: '431102001',
    });

    // A taken username is shown at its field.
    await page.getByRole('button', { name: '新建用户' }).click();
    await dialog.getByLabel('用户名').fill('op2-431102001');
    await dialog.getByLabel('姓名/说明').fill('重复');
    await dialog.getByLabel('初始密码').fill('a-long-password-9');
    await dialog.getByLabel('所属区域').click();
    await page.getByRole('menuitemcheckbox', { name: '永州市' }).click();
    await page.keyboard.press('Escape');
    await dialog.getByRole('checkbox', { name: '市级督导' }).check();
    await dialog.getByRole('button', { name: '创建' }).click();
    await dialog.getByText('该用户名已被使用').waitFor();
    await page.context().close();
  });

  it('用户管理 is the administrator’s alone, and says so', async () => {
    const page = await h.loginAs('supervisor', PASSWORD, '/users');
    await page.getByText('用户管理仅限系统管理员（市级）。').waitFor();
    expect(await page.getByRole('button', { name: '新建用户' }).count()).toBe(0);
    await page.context().close();
  });

  it('政策参数: the effective set in 元, the history with its legal basis, and a new version by the administrator', async () => {
    const supervisor = await h.loginAs('supervisor', PASSWORD, '/policy');
    await supervisor.getByRole('heading', { name: '政策参数', level: 1 }).waitFor();
    await supervisor.getByText('650.00 元/人·月').first().waitFor();
    await supervisor.getByText('演示数据，非正式标准').waitFor();
    await supervisor.getByText('仅系统管理员可新增版本；您可以查看。').waitFor();
    expect(await supervisor.getByRole('button', { name: '新增版本' }).count()).toBe(0);
    expect(await seriousA11yViolations(supervisor)).toEqual([]);
    await supervisor.context().close();

    const page = await adminAt('/policy');
    await page.getByText('650.00 元/人·月').first().waitFor();
    await page.getByRole('button', { name: '新增版本' }).click();
    const drawer = page.getByRole('dialog', { name: '新增参数版本' });
    await drawer.getByLabel('法律依据（文件名称及文号）').fill('永州市民政局 永民发〔2026〕99号（测试）');
    await drawer.getByLabel(/^城市低保标准/).fill('680.5');
    await drawer.getByLabel(/^低保边缘收入倍数/).fill('0.5');
    await drawer.getByRole('button', { name: '保存' }).click();
    await drawer.getByText('请输入 1 到 10 之间的数，最多 6 位小数').waitFor();
    await drawer.getByLabel(/^低保边缘收入倍数/).fill('1.5');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await drawer.getByRole('button', { name: '保存' }).click();
    await page.getByText('已新增参数版本').waitFor();
    await page.getByRole('cell', { name: '永州市民政局 永民发〔2026〕99号（测试）' }).waitFor();
    await screenshot(page, 'policy');

    const versions = await h.platform.http.call<{
      items: { legalBasis: string; values: Record<string, number> }[];
    }>('GET', '/api/v1/policy/versions?areaCode=431100', {
      token: await h.platform.http.login(ADMIN.username, ADMIN.password),
    });
    expect(versions.body.items[0]).toMatchObject({
      legalBasis: '永州市民政局 永民发〔2026〕99号（测试）',
      values: { dibaoStandardUrbanFen: 68050, edgeMultiplier: 1.5 },
    });
    await page.context().close();
  });
});

/** The first Monday-to-Friday date of `year`. */
function firstWeekday(year: number): string {
  for (let day = 2; ; day++) {
    const date = new Date(Date.UTC(year, 0, day));
    if (date.getUTCDay() !== 0 && date.getUTCDay() !== 6) return date.toISOString().slice(0, 10);
  }
}
