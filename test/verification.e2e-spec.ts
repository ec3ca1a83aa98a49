import { type ApplicationStatus, type ApplicationView, type MemberView } from '@app/applications';
import { canonicalJson, sha256Hex } from '@app/common';
import { type SourcesReport, type SourcesView, type VerificationRunView } from '@app/verification';
import { generateIdNumber } from '@app/privacy';
import { loadEventContract } from '@app/testing';
import { householdBody } from './support/households';
import { Platform, SOURCES, waitFor, type ChildService, type UserKey } from './support/platform-harness';

type AppJson = ApplicationView & { statusCode?: number; code?: string };

/** SPEC 5.3–5.4, 6, 9: a household through the real worker and mocked departments, asserted on the figures. */
describe('verification pipeline end to end', () => {
  let platform: Platform;
  let worker: ChildService;
  let tokens: Record<UserKey, string>;
  /** The household of the first test, VERIFIED, and its applicant. */
  let firstId: string;
  let firstSelfId: string;

  const applicant = generateIdNumber('1970-03-05', 11);
  const spouse = generateIdNumber('1972-08-10', 22);
  const childAway = generateIdNumber('2000-01-01', 33);

  beforeAll(async () => {
    // The worker is started by the first test, after it has prepared a case the worker must find as it is.
    platform = await Platform.start({
      env: {
        RECONCILE_AFTER: 'PT30S',
        // One PostgreSQL connection per process: code that takes a second connection while holding one (a pool
        // deadlock once a loaded worker's every connection does so) fails these tests instead of hanging a worker.
        DATABASE_POOL_SIZE: '1',
        DATABASE_POOL_WAIT_MS: '3000',
      },
    });
    tokens = await platform.createUsers();
  }, 120_000);

  afterAll(async () => {
    await platform?.close();
  });

  async function view(id: string, token = tokens.operator): Promise<AppJson> {
    return (await platform.http.call<AppJson>('GET', `/api/v1/applications/${id}`, { token })).body;
  }

  async function untilStatus(
    id: string,
    status: `${ApplicationStatus}`,
    timeoutMs = 30_000,
  ): Promise<AppJson> {
    return waitFor(
      async () => {
        const body = await view(id);
        return `${body.status}` === status ? body : undefined;
      },
      `application ${id} to be ${status}`,
      timeoutMs,
    );
  }

  it('never sends a counted member without a valid authorisation anywhere (NOT_AUTHORIZED checks)', async () => {
    const [signed, unsigned] = [generateIdNumber('1968-04-04', 77), generateIdNumber('1969-05-05', 88)];
    const created = await platform.http.call<AppJson>('POST', '/api/v1/applications', {
      token: tokens.operator,
      body: householdBody([{ idNumber: signed }, { idNumber: unsigned, relation: 'SPOUSE' }]),
    });
    expect(created.body.status).toBe('VERIFYING');
    const unsignedId = created.body.members[1]!.id;
    // The consent vanishes before any worker looks at the run (e.g. a record corrected by hand in the database).
    await platform.sql(`UPDATE application_members SET "authorization" = NULL WHERE id = $1`, [unsignedId]);
    worker = await platform.startWorker();

    await untilStatus(created.body.id, 'VERIFIED');
    const run = await platform.http.call<VerificationRunView>(
      'GET',
      `/api/v1/applications/${created.body.id}/verification`,
      { token: tokens.operator },
    );
    expect(run.body.status).toBe('INCOMPLETE');
    const ofUnsigned = run.body.checks.filter((c) => c.memberId === unsignedId);
    expect(ofUnsigned.map((c) => c.status)).toEqual(SOURCES.map(() => 'NOT_AUTHORIZED'));
    expect(run.body.report?.unverifiedMembers).toEqual([{ memberId: unsignedId, reason: 'NOT_AUTHORIZED' }]);
    expect(run.body.recommendation?.outcome).toBe('NEEDS_REVIEW');
    expect(await platform.mock.calls(unsigned)).toEqual(Object.fromEntries(SOURCES.map((s) => [s, 0])));
    expect(await platform.mock.calls(signed)).toEqual(Object.fromEntries(SOURCES.map((s) => [s, 1])));
  });

  it('checks every authorised counted member once per source and reports declared against found', async () => {
    // SELF: 600 yuan wage found, 500 declared: the 100-yuan excess equals the tolerance max(100, 10 %) → no finding.
    await platform.mock.pin(applicant, {
      alive: true,
      hukouAreaCode: '431102',
      employment: [{ employer: '永州某公司', monthlyWageFen: 60000 }],
      banking: { depositsFen: 500000, securitiesFen: 0, wealthProductsFen: 0 },
      properties: [{ certificateNo: '湘(2020)零陵区不动产权第0001234号', type: 'DWELLING', areaSqm: 80 }],
      publicPayroll: false,
    });
    // SPOUSE: a RESIDENT pension of 250 yuan with 143 yuan central base → 107 yuan income, none declared.
    await platform.mock.pin(spouse, {
      alive: true,
      hukouAreaCode: '431102',
      pensions: [{ type: 'RESIDENT', monthlyFen: 25000, centralBaseFen: 14300 }],
    });
    const created = await platform.http.call<AppJson>('POST', '/api/v1/applications', {
      token: tokens.operator,
      body: householdBody([
        { idNumber: applicant, employment: 'EMPLOYED', wageFen: 50000, depositsFen: 500000, dwellings: 1 },
        { idNumber: spouse, relation: 'SPOUSE' },
        // Not co-resident and never authorised: not counted, never sent to any department.
        { idNumber: childAway, relation: 'CHILD', coResident: false, authorized: false },
      ]),
    });
    expect(created.status).toBe(201);
    expect(created.body.status).toBe('VERIFYING');
    expect(created.body.recommendation).toBeNull();
    const id = created.body.id;
    const [self, wife, child] = created.body.members as [MemberView, MemberView, MemberView];
    firstId = id;
    firstSelfId = self.id;

    const verified = await untilStatus(id, 'VERIFIED');
    expect(verified.recommendation).toEqual({ outcome: 'ELIGIBLE', monthlyBenefitFen: 59300 });

    const run = await platform.http.call<VerificationRunView>(
      'GET',
      `/api/v1/applications/${id}/verification`,
      {
        token: tokens.reviewer,
      },
    );
    expect(run.status).toBe(200);
    expect(run.body.status).toBe('COMPLETE');
    expect(run.body.checks).toHaveLength(2 * SOURCES.length);
    expect(run.body.checks.some((c) => c.memberId === child.id)).toBe(false);
    const statusOf = (memberId: string, source: string) =>
      run.body.checks.find((c) => c.memberId === memberId && c.source === source)?.status;
    expect(statusOf(self.id, 'SOCIAL_SECURITY')).toBe('SUCCEEDED');
    expect(statusOf(self.id, 'TAX')).toBe('NO_RECORD');
    expect(statusOf(wife.id, 'BANKING')).toBe('NO_RECORD');
    expect(run.body.checks.every((c) => c.attempts === 1 && c.error === null)).toBe(true);

    const report = run.body.report!;
    expect(report.household).toEqual({
      countedMembers: 2,
      assessedMonthlyIncomeFen: 60000 + 10700,
      perCapitaMonthlyIncomeFen: 35350,
      financialAssetsFen: 500000,
      vehicles: 0,
      dwellings: 1,
      activeEnterprises: 0,
      standardFen: 65000,
    });
    const selfReport = report.members.find((m) => m.memberId === self.id)!;
    expect(selfReport.declared.income.wageFen).toBe(50000);
    expect(selfReport.verified.income).toMatchObject({ wageFen: 60000, wageSource: 'SOCIAL_SECURITY' });
    expect(selfReport.assessed.income.wageFen).toBe(60000);
    expect(selfReport.verified.assets).toMatchObject({ depositsFen: 500000, dwellings: 1, vehicles: 0 });
    expect(report.notCounted).toEqual([{ memberId: child.id, reason: 'NOT_CO_RESIDENT' }]);
    expect(report.discrepancies).toEqual([
      expect.objectContaining({
        memberId: wife.id,
        code: 'UNDECLARED_PENSION',
        source: 'SOCIAL_SECURITY',
        declaredFen: 0,
        foundFen: 10700,
      }),
    ]);
    expect(report.missingSources).toEqual([]);
    expect(run.body.recommendation).toMatchObject({
      programme: 'DIBAO',
      outcome: 'ELIGIBLE',
      monthlyBenefitFen: 59300,
      alternativeProgramme: null,
      assessment: { n: 2, householdIncomeFen: 70700, perCapitaFen: 35350, standardFen: 65000 },
      policyVersion: '00000000-0000-4000-8000-431100260101',
    });
    expect(run.body.recommendation!.rules.every((r) => r.result === 'PASS')).toBe(true);

    // One call per source carried each counted member; the unauthorised member was never sent anywhere.
    const selfCalls = await platform.mock.calls(applicant);
    expect(Object.values(selfCalls)).toEqual(SOURCES.map(() => 1));
    const childCalls = await platform.mock.calls(childAway);
    expect(Object.values(childCalls).every((n) => n === 0)).toBe(true);

    // One verification.completed event, and the audit entry, in the transaction that made it VERIFIED.
    const events = await platform.sql<{ payload: { subject: string; data: Record<string, unknown> } }>(
      `SELECT payload FROM outbox_messages WHERE type = 'verification.completed' AND payload->>'subject' = $1`,
      [id],
    );
    expect(events).toHaveLength(1);
    expect(events[0]!.payload.data).toMatchObject({
      applicationId: id,
      status: 'VERIFIED',
      runId: run.body.runId,
      runStatus: 'COMPLETE',
      outcome: 'ELIGIBLE',
    });
    expect(JSON.stringify(events[0]!.payload)).not.toContain(applicant);
    expect((await loadEventContract()).problems(events[0]!.payload)).toEqual([]);
  });

  it('shows the normalised source answers with masked ID numbers and SHA-256 to the roles allowed, audited', async () => {
    const id = firstId;
    const sources = await platform.http.call<SourcesView>(
      'GET',
      `/api/v1/applications/${id}/verification/sources`,
      {
        token: tokens.officer,
      },
    );
    expect(sources.status).toBe(200);
    expect(sources.body.results).toHaveLength(2 * SOURCES.length);
    const text = JSON.stringify(sources.body);
    expect(text).not.toContain(applicant);
    expect(text).not.toContain(spouse);
    for (const result of sources.body.results) {
      expect(result.idNumberMasked).toMatch(/^431102\*{8}\d{3}[\dX]$/);
      expect(result.responseSha256).toBe(sha256Hex(canonicalJson(result.response)));
    }
    const social = sources.body.results.find(
      (r) => r.source === 'SOCIAL_SECURITY' && r.memberId === firstSelfId,
    );
    expect(social).toMatchObject({
      outcome: 'FOUND',
      facts: { employments: [{ employer: '永州某公司', monthlyWageFen: 60000 }], pensions: [] },
    });

    const audited = await platform.sql(
      `SELECT 1 FROM audit_entries WHERE action = 'sources.viewed' AND application_id = $1`,
      [id],
    );
    expect(audited).toHaveLength(1);

    for (const [who, status] of [
      ['operator', 403],
      ['reviewer', 403],
      ['approver', 200],
      ['auditor', 200],
      ['otherOfficer', 404],
    ] as const) {
      const reply = await platform.http.call('GET', `/api/v1/applications/${id}/verification/sources`, {
        token: tokens[who],
      });
      expect([who, reply.status]).toEqual([who, status]);
    }
  });

  it('re-verifies on request of a reviewer or officer, with a new run, and refuses it elsewhere', async () => {
    const ids = generateIdNumber('1980-05-05', 44);
    await platform.mock.behave('TAX', { latencyMs: [1000, 1000] });
    const created = await platform.http.call<AppJson>('POST', '/api/v1/applications', {
      token: tokens.operator,
      body: householdBody([{ idNumber: ids }]),
    });
    const id = created.body.id;
    // Still VERIFYING (TAX answers slowly): only VERIFIED and AWAITING_COUNTY_DECISION may re-verify.
    const early = await platform.http.call<AppJson>('POST', `/api/v1/applications/${id}/reverify`, {
      token: tokens.reviewer,
    });
    expect(early.body).toMatchObject({ statusCode: 409, code: 'INVALID_TRANSITION' });
    await platform.mock.behave('TAX', { latencyMs: [0, 0] });
    await untilStatus(id, 'VERIFIED');
    const first = await platform.http.call<VerificationRunView>(
      'GET',
      `/api/v1/applications/${id}/verification`,
      {
        token: tokens.operator,
      },
    );

    expect(
      (await platform.http.call('POST', `/api/v1/applications/${id}/reverify`, { token: tokens.operator }))
        .status,
    ).toBe(403);
    expect(
      (
        await platform.http.call('POST', `/api/v1/applications/${id}/reverify`, {
          token: tokens.otherOfficer,
        })
      ).status,
    ).toBe(404);
    const again = await platform.http.call<AppJson>('POST', `/api/v1/applications/${id}/reverify`, {
      token: tokens.officer,
    });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ status: 'VERIFYING', recommendation: null });
    const reverified = await untilStatus(id, 'VERIFIED');
    expect(reverified.recommendation).not.toBeNull();
    const second = await platform.http.call<VerificationRunView>(
      'GET',
      `/api/v1/applications/${id}/verification`,
      {
        token: tokens.operator,
      },
    );
    expect(second.body.runId).not.toBe(first.body.runId);
    expect(second.body.status).toBe('COMPLETE');
    expect(await platform.mock.calls(ids)).toEqual(Object.fromEntries(SOURCES.map((s) => [s, 2])));
    const audit = await platform.sql(
      `SELECT 1 FROM audit_entries WHERE action = 'application.reverify-requested' AND application_id = $1`,
      [id],
    );
    expect(audit).toHaveLength(1);
  });

  it('cancels the pending checks of a run when a counted member’s authorisation is revoked', async () => {
    await platform.mock.behave('BANKING', { latencyMs: [1500, 1500] });
    try {
      const ids = [generateIdNumber('1975-06-06', 55), generateIdNumber('1976-07-07', 66)];
      const created = await platform.http.call<AppJson>('POST', '/api/v1/applications', {
        token: tokens.operator,
        body: householdBody([{ idNumber: ids[0]! }, { idNumber: ids[1]!, relation: 'SPOUSE' }]),
      });
      const id = created.body.id;
      const spouseId = created.body.members[1]!.id;
      await waitFor(
        async () =>
          (
            await platform.sql(
              `SELECT 1 FROM verification_checks c JOIN verification_runs r ON r.id = c.run_id
                WHERE r.application_id = $1 AND c.source = 'HUKOU' AND c.status = 'SUCCEEDED'`,
              [id],
            )
          ).length > 0,
        'the first answers',
      );
      const revoked = await platform.http.call<AppJson>(
        'DELETE',
        `/api/v1/applications/${id}/members/${spouseId}/authorization`,
        { token: tokens.operator },
      );
      expect(revoked.status).toBe(200);
      expect(revoked.body.status).toBe('AWAITING_AUTHORIZATION');

      const run = await platform.http.call<VerificationRunView>(
        'GET',
        `/api/v1/applications/${id}/verification`,
        {
          token: tokens.operator,
        },
      );
      expect(run.body.status).toBe('CANCELLED');
      const banking = run.body.checks.filter((c) => c.source === 'BANKING');
      expect(banking.map((c) => c.status)).toEqual(['CANCELLED', 'CANCELLED']);
      expect(run.body.checks.some((c) => c.status === 'PENDING')).toBe(false);
      // The slow BANKING answer arrives after the cancellation and is not written.
      await new Promise((resolve) => setTimeout(resolve, 2000));
      const results = await platform.sql(
        `SELECT 1 FROM verification_results WHERE run_id = $1 AND source = 'BANKING'`,
        [run.body.runId],
      );
      expect(results).toHaveLength(0);
      expect((await view(id)).status).toBe('AWAITING_AUTHORIZATION');
    } finally {
      await platform.mock.behave('BANKING', { latencyMs: [0, 0] });
    }
  });

  it('reports per-source calls, latency and circuit state (SPEC 9) and exports Prometheus metrics', async () => {
    const report = await waitFor(
      async () => {
        const reply = await platform.http.call<SourcesReport>('GET', '/api/v1/reports/sources', {
          token: tokens.supervisor,
        });
        const hukou = reply.body.sources?.find((s) => s.source === 'HUKOU');
        return hukou && hukou.calls >= 3 && hukou.circuit === 'CLOSED' ? reply.body : undefined;
      },
      'the source statistics to be flushed',
      10_000,
    );
    expect(report.sources.map((s) => s.source)).toEqual([...SOURCES]);
    const hukou = report.sources.find((s) => s.source === 'HUKOU')!;
    expect(hukou.failures).toBe(0);
    expect(hukou.latencyMs.p50).toEqual(expect.any(Number));
    expect(hukou.latencyMs.p95).toBeGreaterThanOrEqual(hukou.latencyMs.p50!);
    expect(
      (await platform.http.call('GET', '/api/v1/reports/sources', { token: tokens.officer })).status,
    ).toBe(200);
    expect(
      (await platform.http.call('GET', '/api/v1/reports/sources', { token: tokens.operator })).status,
    ).toBe(403);

    const metrics = await (await fetch(`http://127.0.0.1:${worker.port}/metrics`)).text();
    expect(metrics).toMatch(/hev_source_request_duration_seconds_count\{source="HUKOU",outcome="OK"\} [1-9]/);
    expect(metrics).toMatch(/hev_source_circuit_state\{source="BANKING"\} 0/);
  });
});
