import type { Page } from 'playwright-core';
import { ADMIN } from '../support/api-harness';
import { ConsoleHarness, screenshot, seriousA11yViolations } from '../support/browser';
import { adultId, householdBody } from '../support/households';

jest.setTimeout(240_000);

const PASSWORD = 'e2e-password-2026';
/** The mocked departments know nothing about this person but that they live in 零陵区: no income, no assets. */
const NOTHING_FOUND = { alive: true, hukouAreaCode: '431102' };

/*
 * A case through the console in a real browser, against the real api, worker and mock-sources: the operator's intake
 * form, verification, the township review (初审) with two investigators, an objection during the public notice, a
 * second review, the end of the notice, the county decision (审核确认) with its amount, the signed decision record
 * checked in the browser; separation of duties, wrong roles and out-of-scope users on screen; reload on a deep link.
 */
describe('a case through the console (browser)', () => {
  let h: ConsoleHarness;

  beforeAll(async () => {
    h = await ConsoleHarness.start({
      env: { PUBLIC_NOTICE_DURATION: 'PT15S', PUBLIC_NOTICE_SWEEP_INTERVAL: 'PT1S' },
    });
    await h.platform.createUsers();
    await h.platform.mock.allHealthy();
    const admin = await h.platform.http.login(ADMIN.username, ADMIN.password);
    const created = await h.platform.http.call('POST', '/api/v1/users', {
      token: admin,
      body: {
        username: 'station-both',
        displayName: 'station-both',
        password: PASSWORD,
        roles: ['STATION_OPERATOR', 'TOWNSHIP_REVIEWER'],
        areaCode: '431102001',
      },
    });
    expect(created.status).toBe(201);
  }, 180_000);

  afterAll(async () => {
    await h?.close();
  });

  const status = (page: Page, text: string) =>
    page.locator('.ant-tag', { hasText: new RegExp(`^${text}$`) }).first();

  it('login → intake form → verification → 初审 → objection → 公示 → 审核确认, signature valid', async () => {
    const applicant = adultId(7001);
    const spouse = adultId(7002);
    await h.platform.mock.pin(applicant, NOTHING_FOUND);
    await h.platform.mock.pin(spouse, NOTHING_FOUND);

    // The station operator fills the intake form.
    const op = await h.loginAs('operator', PASSWORD, '/applications/new');
    await op.getByRole('heading', { name: '新建申请' }).waitFor();
    expect(await op.getByLabel('乡镇（街道）代码').inputValue()).toBe('431102001');
    await op.getByLabel('家庭住址').fill('零陵区朝阳街道某某路12号');
    await op.getByLabel('成员1 姓名').fill('张三');
    // A mistyped ID number is caught at once, with the reason.
    const typo = applicant.slice(0, 17) + (applicant.endsWith('0') ? '1' : '0');
    await op.getByLabel('成员1 身份证号').fill(typo);
    await op.getByText('身份证号码校验位错误，请核对是否输错').waitFor();
    await op.getByLabel('成员1 身份证号').fill(applicant);
    await op
      .getByText(/^男|^女/)
      .first()
      .waitFor();
    await op.getByLabel('成员1 转移（元）').fill('19.99');
    await op.getByLabel('成员1 存款（元）').fill('0.07');
    await op.getByLabel('成员1 授权书编号').fill('AUTH-431102001-0001');
    await op.getByRole('button', { name: '添加成员' }).click();
    await op.getByLabel('成员2 姓名').fill('李四');
    await op.getByLabel('成员2 身份证号').fill(spouse);
    await op.getByLabel('成员2 授权书编号').fill('AUTH-431102001-0002');
    expect(await seriousA11yViolations(op)).toEqual([]);
    await screenshot(op, 'intake-form');
    await op.getByRole('button', { name: '提交申请' }).click();
    await op.waitForURL(/\/applications\/[0-9a-f-]{36}$/);
    const casePath = new URL(op.url()).pathname;
    const id = casePath.split('/').pop()!;

    // Money went in as exact fen.
    const [member] = await h.platform.sql<{ declared_income: { transferFen: number } }>(
      `SELECT declared_income FROM application_members WHERE application_id = $1 AND position = 0`,
      [id],
    );
    expect(member?.declared_income.transferFen).toBe(1999);

    // Verification runs and the page follows it to 核对完成, with the grid, the report and the recommendation.
    await status(op, '核对完成').waitFor({ timeout: 60_000 });
    await op.getByText('核对报告').waitFor();
    await op.getByRole('table', { name: '各部门核对情况（成员 × 数据来源）' }).waitFor();
    await op.getByText('符合条件').first().waitFor();
    // The operator has no 初审 or 审核确认 control.
    expect(await op.getByRole('button', { name: '初审' }).count()).toBe(0);
    expect(await op.getByRole('button', { name: '审核确认' }).count()).toBe(0);
    expect(await seriousA11yViolations(op)).toEqual([]);
    await screenshot(op, 'case-verified');
    await op.context().close();

    // The township reviewer writes the 初审 with two investigators → 公示中.
    const rev = await h.loginAs('reviewer', PASSWORD, casePath);
    await status(rev, '核对完成').waitFor();
    const review = async (): Promise<void> => {
      await rev.getByRole('button', { name: '初审' }).click();
      const dialog = rev.getByRole('dialog', { name: '乡镇初审' });
      await dialog.getByLabel('意见说明').fill('经入户调查，家庭情况属实');
      await dialog.getByLabel('调查人一').fill('王五');
      await dialog.getByLabel('调查人二').fill('赵六');
      await dialog.getByLabel('调查情况').fill('家中无劳动力，无其他收入');
      await dialog.getByRole('button', { name: '提交初审' }).click();
      await status(rev, '公示中').waitFor();
    };
    await review();

    // An objection during 公示 sends the case back to 核对完成.
    await rev.getByRole('button', { name: '登记异议' }).click();
    const objection = rev.getByRole('dialog', { name: '登记异议' });
    await objection.getByLabel('异议内容').fill('邻居反映其有经营收入');
    await objection.getByRole('button', { name: '提交' }).click();
    await status(rev, '核对完成').waitFor();
    await rev.getByText(/异议：.*邻居反映其有经营收入/).waitFor();

    // A new review starts a new notice, which ends by itself (PUBLIC_NOTICE_DURATION=PT15S) → 待审核确认.
    await review();
    await rev.context().close();
    const approver = await h.loginAs('approver', PASSWORD, casePath);
    for (let i = 0; i < 60 && (await status(approver, '待审核确认').count()) === 0; i++) {
      await approver.waitForTimeout(1_000);
      await approver.reload();
    }
    await status(approver, '待审核确认').waitFor();

    // The approver sees the signed decision record verified in the browser, and decides.
    await approver.getByText('签名有效：记录未被篡改').waitFor();
    expect(await approver.getByRole('button', { name: '初审' }).count()).toBe(0);
    await approver.getByRole('button', { name: '审核确认' }).click();
    const decision = approver.getByRole('dialog', { name: '审核确认' });
    await decision.getByText(/系统建议：符合条件，月救助金额 [\d,]+\.\d\d 元/).waitFor();
    await decision.getByRole('button', { name: '确认' }).click();
    await status(approver, '已批准').waitFor();
    const amount = await approver
      .getByText(/月救助金 [\d,]+\.\d\d 元/)
      .first()
      .textContent();
    const [decided] = await h.platform.sql<{ status: string }>(
      `SELECT status FROM applications WHERE id = $1`,
      [id],
    );
    expect(decided?.status).toBe('APPROVED');
    expect(amount).toMatch(/月救助金 [\d,]+\.\d\d 元/);
    await approver.getByText('签名有效：记录未被篡改').waitFor();
    await screenshot(approver, 'case-approved');

    // Reload on the deep link opens the same case.
    await approver.reload();
    await status(approver, '已批准').waitFor();
    expect(new URL(approver.url()).pathname).toBe(casePath);
    await approver.context().close();

    // Out of scope: an officer of another county is told the case does not exist for them (never that it does).
    const other = await h.loginAs('otherOfficer', PASSWORD, casePath);
    await other.getByText('申请不存在，或不在您的辖区范围内').waitFor();
    await other.context().close();
  });

  it('separation of duties is explained on screen; the list filters by the URL', async () => {
    const person = adultId(7101);
    await h.platform.mock.pin(person, NOTHING_FOUND);
    const token = await h.platform.http.login('station-both', PASSWORD);
    const created = await h.platform.http.call<{ id: string }>('POST', '/api/v1/applications', {
      token,
      body: householdBody([{ idNumber: person }]),
    });
    expect(created.status).toBe(201);
    const page = await h.loginAs('station-both', PASSWORD, `/applications/${created.body.id}`);
    await status(page, '核对完成').waitFor({ timeout: 60_000 });
    await page.getByRole('button', { name: '初审' }).click();
    const dialog = page.getByRole('dialog', { name: '乡镇初审' });
    await dialog.getByLabel('意见说明').fill('情况属实');
    await dialog.getByLabel('调查人一').fill('王五');
    await dialog.getByLabel('调查人二').fill('赵六');
    await dialog.getByLabel('调查情况').fill('已入户');
    await dialog.getByRole('button', { name: '提交初审' }).click();
    await page.getByRole('alert').filter({ hasText: '您创建了此申请，不能进行初审' }).waitFor();
    await status(page, '核对完成').waitFor();

    await page.goto('/applications?status=VERIFIED');
    await page
      .getByRole('link', { name: /^431102001-/ })
      .first()
      .waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'applications-list');
    await page.goto('/');
    await page.getByText('待初审').waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'dashboard-station');
    await page.context().close();
  });
});
