import { applicationBody } from '@app/testing';
import { ConsoleHarness, screenshot, seriousA11yViolations } from '../support/browser';
import { waitFor } from '../support/platform-harness';

/*
 * 工作量报表, 数据源报表 and 审计查询 in a real browser against the real api, worker and mock departments: one household
 * goes through verification so the reports have figures; roles and labels only.
 */
jest.setTimeout(180_000);

const PASSWORD = 'e2e-password-2026';

describe('reports and audit pages (browser)', () => {
  let h: ConsoleHarness;
  let applicationId: string;

  beforeAll(async () => {
    h = await ConsoleHarness.start();
    const tokens = await h.platform.createUsers();
    await h.platform.mock.allHealthy([5, 20]);
    const created = await h.platform.http.call<{ id: string }>('POST', '/api/v1/applications', {
      token: tokens.operator,
      body: applicationBody(),
    });
    if (created.status !== 201) throw new Error(`create answered ${created.status}`);
    applicationId = created.body.id;
    await waitFor(
      async () => {
        const view = await h.platform.http.call<{ status: string }>(
          'GET',
          `/api/v1/applications/${applicationId}`,
          {
            token: tokens.operator,
          },
        );
        return view.body.status === 'VERIFIED';
      },
      'the household to be verified',
      60_000,
    );
  }, 180_000);

  afterAll(async () => {
    await h?.close();
  });

  it('工作量报表: per township, open cases by status, station staff with thin stations marked, a chart', async () => {
    const page = await h.loginAs('supervisor', PASSWORD, '/reports/workload');
    await page.getByRole('heading', { name: '工作量报表', level: 1 }).waitFor();
    const row = page.getByRole('row').filter({ hasText: '朝阳街道' });
    await row.waitFor();
    // The test users of 431102001: one operator and one reviewer, two people — marked as thin.
    await row.getByText('仅2人').waitFor();
    await row.getByText('2 人（核对 1 / 审核 1）').waitFor();
    await page.getByText(/个乡镇（街道）没有核对站工作人员，无法受理申请/).waitFor();
    await page.getByRole('img', { name: /各乡镇在办案件数按状态堆叠的柱状图/ }).waitFor();
    const verified = await row.getByRole('cell').nth(3).textContent();
    expect(verified).toBe('1');

    await page.getByLabel('只看人员不足（1–2 人或无核对人员）的站点').click();
    await row.waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'reports-workload');
    await page.context().close();

    const approver = await h.loginAs('approver', PASSWORD, '/reports/workload');
    await approver.getByRole('row').filter({ hasText: '朝阳街道' }).waitFor();
    // A county approver sees the county's townships only.
    expect(await approver.getByRole('row').filter({ hasText: '梅湾街道' }).count()).toBe(0);
    await approver.context().close();
  });

  it('the reports refuse other roles with a reason', async () => {
    const page = await h.loginAs('operator', PASSWORD, '/reports/workload');
    await page.getByText('工作量报表仅供市级督导和县级民政审核确认人员查看。').waitFor();
    await page.goto('/reports/sources');
    await page.getByText('数据源报表仅供市级督导和县级核对机构查看。').waitFor();
    await page.goto('/audit');
    await page.getByText('审计记录仅供审计人员和市级督导查看。').waitFor();
    await page.context().close();
  });

  it('数据源报表: per department calls, failures, latency and circuit state, with charts', async () => {
    const page = await h.loginAs('officer', PASSWORD, '/reports/sources');
    await page.getByRole('heading', { name: '数据源报表', level: 1 }).waitFor();
    const hukou = page.getByRole('row').filter({ hasText: '公安户籍' });
    await hukou.waitFor();
    const calls = Number(await hukou.getByRole('cell').nth(1).textContent());
    expect(calls).toBeGreaterThanOrEqual(1);
    await hukou.getByText('正常').waitFor();
    await page.getByRole('img', { name: /各部门最近一小时的成功、失败和熔断拒绝调用次数柱状图/ }).waitFor();
    await page.getByRole('img', { name: /调用延迟的 P50 和 P95 柱状图/ }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'reports-sources');
    await page.context().close();
  });

  it('审计查询: search by action, user, case and dates with paging; verify the chains', async () => {
    const page = await h.loginAs('auditor', PASSWORD, '/audit');
    await page.getByRole('heading', { name: '审计查询', level: 1 }).waitFor();
    await page.getByText(/共 \d+ 条/).waitFor();

    await page.getByLabel('申请编号（ID）').fill(applicationId);
    await page.getByRole('button', { name: '查询' }).click();
    await page.getByRole('row').filter({ hasText: '创建申请' }).waitFor();
    const rows = page.getByRole('row').filter({ hasText: applicationId.slice(0, 8) });
    expect(await rows.count()).toBeGreaterThanOrEqual(1);

    await page.getByRole('button', { name: '重置' }).click();
    await page.getByLabel('操作类型').fill('auth.login.succeeded');
    await page.getByLabel('用户名').fill('auditor');
    await page.getByRole('button', { name: '查询' }).click();
    await page.getByRole('row').filter({ hasText: '登录成功' }).first().waitFor();
    expect(await page.getByRole('row').filter({ hasText: '创建申请' }).count()).toBe(0);

    await page.getByLabel('申请编号（ID）').fill('not-a-uuid');
    await page.getByRole('button', { name: '查询' }).click();
    await page.getByText('请输入申请的完整 ID（UUID）').waitFor();
    await page.getByLabel('申请编号（ID）').fill('');

    await page.getByRole('button', { name: '校验审计链' }).click();
    await page.getByText('全部审计链校验通过').waitFor();
    await page.getByRole('row').filter({ hasText: '431102' }).getByText('完整').waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'audit');
    await page.context().close();
  });
});
