import { type NestFastifyApplication } from '@nestjs/platform-fastify';
import { createHttpApp } from '@app/platform';
import { MockSourcesModule } from './mock-sources.module';
import { MOCK_SOURCE_CODES, type MockSourceCode } from './source-codes';

// GB 11643 check character (ISO 7064 MOD 11-2); a local helper so this file needs nothing from other teams.
function idNumber(birthDate: string, seq: number, areaCode = '431102'): string {
  const first17 = `${areaCode}${birthDate.replaceAll('-', '')}${String(seq).padStart(3, '0')}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = weights.reduce((total, weight, i) => total + weight * Number(first17[i]), 0);
  return `${first17}${'10X98765432'[sum % 11]}`;
}

// Department answers are asserted on with toEqual/toMatchObject, not typed one by one.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Answer = any;

interface Call {
  url: string;
  headers: Record<string, string>;
  payload: unknown;
}

/** A valid call to each department, as its README section describes it; `key` replaces the right key. */
const CALLS: Record<MockSourceCode, (ids: string[], key?: string) => Call> = {
  HUKOU: (ids, key = 'dev-hukou-key') => ({
    url: '/gaj/hukou/v1/persons/batch-query',
    headers: { 'x-api-key': key },
    payload: { sfzhList: ids },
  }),
  VEHICLE: (ids, key = 'dev-vehicle-key') => ({
    url: '/jiaoguan/api/vehicles/owner-lookup',
    headers: { authorization: `Key ${key}` },
    payload: { owners: ids.map((id) => ({ idNo: id })) },
  }),
  SOCIAL_SECURITY: (ids, key = 'dev-social-security-key') => ({
    url: '/rsj/si/v2/insured-persons/batch',
    headers: {},
    payload: { appKey: key, certNos: ids },
  }),
  REAL_ESTATE: (ids, key = 'dev-real-estate-key') => ({
    url: '/bdc/openapi/property-rights/search',
    headers: { 'x-bdc-token': key },
    payload: { qlrzjhm: ids },
  }),
  MARKET_REGULATION: (ids, key = 'dev-market-regulation-key') => ({
    url: '/scjg/api/v1/entity-roles/query',
    headers: { authorization: `Bearer ${key}` },
    payload: { idCards: ids },
  }),
  TAX: (ids, key = 'dev-tax-key') => ({
    url: '/swj/etax/v1/wage-income/summary',
    headers: { 'x-tax-appid': 'hev-platform', 'x-tax-appsecret': key },
    payload: { nsrsbhList: ids, sssqq: '2025-01', sssqz: '2025-12' },
  }),
  HOUSING_FUND: (ids, key = 'dev-housing-fund-key') => ({
    url: `/gjj/query/deposit-base?access_key=${encodeURIComponent(key)}`,
    headers: {},
    payload: { persons: ids.map((id) => ({ zjhm: id, zjlx: '01' })) },
  }),
  BANKING: (ids, key = 'dev-banking-key') => ({
    url: '/bank/account-inquiry/batch',
    headers: {},
    payload: {
      header: { channelId: 'HEV', apiKey: key },
      body: { customers: ids.map((id) => ({ certType: '01', certNo: id })) },
    },
  }),
  CIVIL_AFFAIRS: (ids, key = 'dev-civil-affairs-key') => ({
    url: '/mzj/v1/family-checks',
    headers: { 'x-mz-key': key },
    payload: { people: ids.map((id) => ({ id_card: id })) },
  }),
  DISABILITY: (ids, key = 'dev-disability-key') => ({
    url: '/cdpf/certificates/verify',
    headers: { authorization: `ApiKey ${key}` },
    payload: { idCardNos: ids },
  }),
  PUBLIC_PAYROLL: (ids, key = 'dev-public-payroll-key') => ({
    url: '/czgy/payroll/check',
    headers: {},
    payload: { token: key, sfzhm: ids },
  }),
};

const SPEC_PROFILE = {
  alive: true,
  deathDate: null,
  hukouAreaCode: '431102',
  vehicles: [{ plate: '湘M12345', type: 'CAR', disabilityMobility: false }],
  employment: [{ employer: '永州某公司', monthlyWageFen: 300000 }],
  pensions: [{ type: 'RESIDENT', monthlyFen: 25000, centralBaseFen: 14300 }],
  unemploymentBenefitMonthlyFen: 0,
  properties: [{ certificateNo: '湘(2020)零陵区不动产权第0001234号', type: 'DWELLING', areaSqm: 80 }],
  businesses: [
    { name: '某某商行', kind: 'INDIVIDUAL', role: 'LEGAL_REP', registeredCapitalFen: 0, status: 'ACTIVE' },
  ],
  annualTaxableWageFen: 0,
  housingFundBaseFen: 0,
  banking: { depositsFen: 500000, securitiesFen: 0, wealthProductsFen: 0 },
  maritalStatus: 'MARRIED',
  receivingAssistance: [],
  disability: null,
  publicPayroll: false,
};

describe('mock-sources: the mocked departments and their control API (SPEC 5.2)', () => {
  let app: NestFastifyApplication;

  beforeAll(async () => {
    Object.assign(process.env, { NODE_ENV: 'test', LOG_LEVEL: 'silent' });
    app = await createHttpApp(MockSourcesModule, { title: 'test' });
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
  });

  afterAll(async () => {
    await app.close();
  });

  beforeEach(async () => {
    expect((await app.inject({ method: 'POST', url: '/admin/reset' })).statusCode).toBe(204);
  });

  async function ask(source: MockSourceCode, ids: string[], key?: string) {
    const call = CALLS[source](ids, key);
    const response = await app.inject({
      method: 'POST',
      url: call.url,
      headers: call.headers,
      payload: call.payload as object,
    });
    return { status: response.statusCode, body: response.json<Answer>() };
  }

  async function control(method: 'PUT' | 'DELETE' | 'GET', url: string, payload?: unknown) {
    const response = await app.inject({
      method,
      url,
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
    return { status: response.statusCode, body: response.body ? response.json<Answer>() : undefined };
  }

  it('answers an unpinned ID number with the same synthetic data every time, in every department', async () => {
    const ids = [idNumber('1958-03-02', 11), idNumber('1985-07-19', 22), idNumber('2012-01-30', 32)];
    for (const source of MOCK_SOURCE_CODES) {
      const first = await ask(source, ids);
      const second = await ask(source, ids);
      expect({ source, status: first.status }).toEqual({ source, status: 200 });
      expect(second.body).toEqual(first.body);
    }
    const hukou = await ask('HUKOU', ids);
    expect(hukou.body).toMatchObject({
      code: 0,
      data: [{ sfzh: ids[0], cxjg: '1', hjszd: '431102' }, {}, {}],
    });
  });

  it('answers a pinned profile in each department’s own format', async () => {
    const id = idNumber('1980-01-01', 1);
    expect((await control('PUT', `/admin/persons/${id}`, SPEC_PROFILE)).status).toBe(200);

    expect((await ask('HUKOU', [id])).body.data).toEqual([
      { sfzh: id, cxjg: '1', hjzt: '正常', swrq: '', hjszd: '431102' },
    ]);
    const vehicle = (await ask('VEHICLE', [id])).body.results[0];
    expect(vehicle).toMatchObject({
      idNo: id,
      matched: true,
      vehicles: [{ plateNumber: '湘M12345', vehicleType: 'K33', disabledMobility: 'N' }],
    });
    expect(vehicle.vehicles[0].registrationDate).toMatch(/^\d{4}\/\d{2}\/\d{2}$/);
    expect((await ask('SOCIAL_SECURITY', [id])).body).toEqual({
      ret: '00',
      retMsg: 'success',
      rows: [
        {
          cert_no: id,
          insured: '1',
          employments: [{ unit_name: '永州某公司', contribution_base: '3000.00' }],
          pensions: [{ pension_kind: '02', monthly_amount: '250.00', basic_central: '143.00' }],
          unemployment_benefit: '0.00',
        },
      ],
    });
    expect((await ask('REAL_ESTATE', [id])).body).toMatchObject({
      status: 'OK',
      total: 1,
      items: [
        {
          qlrzjhm: id,
          bdcqz: [{ bdcqzh: '湘(2020)零陵区不动产权第0001234号', ghyt: '住宅', jzmj: '80.00' }],
        },
      ],
    });
    expect((await ask('MARKET_REGULATION', [id])).body.result.list).toEqual([
      {
        idCard: id,
        hasRecord: true,
        entities: [
          {
            entName: '某某商行',
            entType: '个体工商户',
            role: '经营者',
            regCap: '0.000000',
            regCapCur: '人民币万元',
            regState: '存续',
          },
        ],
      },
    ]);
    expect((await ask('TAX', [id])).body.payload.records).toEqual([
      { nsrsbh: id, found: 'Y', gzxjsd: 0, sbys: 12 },
    ]);
    expect((await ask('HOUSING_FUND', [id])).body.list).toEqual([
      { zjhm: id, grzt: '02', jcjs: 0, dwmc: '永州某公司' },
    ]);
    const customer = (await ask('BANKING', [id])).body.body.customers[0];
    expect(customer.rspCode).toBe('000000');
    const accounts = customer.accounts as { productType: string; balance: string }[];
    // Yuan strings with two decimals: dropping the point gives fen exactly.
    const deposits = accounts
      .filter((account) => account.productType === '01')
      .map((account) => Number(account.balance.replace('.', '')))
      .reduce((sum, fen) => sum + fen, 0);
    expect(deposits).toBe(500000);
    expect((await ask('CIVIL_AFFAIRS', [id])).body.data.people).toEqual([
      { id_card: id, exists: true, marriage_status: '20', assistance: [] },
    ]);
    expect((await ask('DISABILITY', [id])).body).toEqual([{ idCardNo: id, certNo: null }]);
    expect((await ask('PUBLIC_PAYROLL', [id])).body).toEqual({
      resultCode: 'SUCCESS',
      persons: { [id]: { sfcz: '0' } },
    });
  });

  it('answers "no record" in each department’s own way for every field a pinned profile leaves out', async () => {
    const id = idNumber('1990-05-05', 5);
    await control('PUT', `/admin/persons/${id}`, {});
    expect((await ask('HUKOU', [id])).body.data).toEqual([{ sfzh: id, cxjg: '0' }]);
    expect((await ask('VEHICLE', [id])).body.results).toEqual([{ idNo: id, matched: false, vehicles: [] }]);
    expect((await ask('SOCIAL_SECURITY', [id])).body.rows).toEqual([{ cert_no: id, insured: '0' }]);
    expect((await ask('REAL_ESTATE', [id])).body).toEqual({ status: 'OK', total: 0, items: [] });
    expect((await ask('MARKET_REGULATION', [id])).body.result.list).toEqual([
      { idCard: id, hasRecord: false, entities: [] },
    ]);
    expect((await ask('TAX', [id])).body.payload.records).toEqual([{ nsrsbh: id, found: 'N' }]);
    expect((await ask('HOUSING_FUND', [id])).body.list).toEqual([{ zjhm: id, grzt: '99' }]);
    expect((await ask('BANKING', [id])).body.body.customers).toEqual([
      { certNo: id, rspCode: '100404', rspMsg: '无此客户' },
    ]);
    expect((await ask('CIVIL_AFFAIRS', [id])).body.data.people).toEqual([{ id_card: id, exists: false }]);
    expect((await ask('DISABILITY', [id])).body).toEqual([{ idCardNo: id, certNo: null }]);
    expect((await ask('PUBLIC_PAYROLL', [id])).body.persons).toEqual({ [id]: null });
  });

  it('goes back to the synthetic answer when a pin is deleted', async () => {
    const id = idNumber('1975-11-11', 7);
    const synthetic = await ask('SOCIAL_SECURITY', [id]);
    await control('PUT', `/admin/persons/${id}`, { employment: [{ employer: 'X', monthlyWageFen: 123456 }] });
    expect((await ask('SOCIAL_SECURITY', [id])).body.rows[0].employments).toEqual([
      { unit_name: 'X', contribution_base: '1234.56' },
    ]);
    expect((await control('DELETE', `/admin/persons/${id}`)).status).toBe(204);
    expect((await ask('SOCIAL_SECURITY', [id])).body).toEqual(synthetic.body);
  });

  it('refuses a wrong or missing API key with 401 in every department', async () => {
    const id = idNumber('1980-01-01', 1);
    for (const source of MOCK_SOURCE_CODES) {
      expect({ source, status: (await ask(source, [id], 'wrong-key')).status }).toEqual({
        source,
        status: 401,
      });
      const call = CALLS[source]([id]);
      const { statusCode: status } = await app.inject({
        method: 'POST',
        url: call.url.split('?')[0]!,
        payload: {},
      });
      expect({ source, status }).toEqual({ source, status: 401 });
    }
  });

  it('refuses batches over the department maximum (413), malformed ID numbers and wrong shapes (400)', async () => {
    // Each department states its own maximum (README): HUKOU 500, BANKING 50.
    const many = Array.from({ length: 501 }, (_, i) => idNumber('1980-01-01', i + 1));
    expect((await ask('HUKOU', many)).status).toBe(413);
    expect((await ask('HUKOU', many.slice(0, 500))).status).toBe(200);
    const refused = await ask('BANKING', many.slice(0, 51));
    expect(refused.status).toBe(413);
    expect(refused.body).toMatchObject({ header: { rspCode: '900413' } });
    expect((await ask('BANKING', many.slice(0, 50))).status).toBe(200);
    expect((await ask('BANKING', ['43110219800101001'])).status).toBe(400);
    expect((await ask('VEHICLE', [])).status).toBe(400);
    const tax = CALLS.TAX([idNumber('1980-01-01', 1)]);
    const badPeriod = await app.inject({
      method: 'POST',
      url: tax.url,
      headers: tax.headers,
      payload: { ...(tax.payload as object), sssqq: '2025-13' },
    });
    expect(badPeriod.statusCode).toBe(400);
    expect(badPeriod.json()).toEqual({ code: '4000', message: 'bad request' });
  });

  it('validates pinned profiles and behaviours (400) and unknown sources (404)', async () => {
    const id = idNumber('1980-01-01', 1);
    expect((await control('PUT', `/admin/persons/${id}`, { vehicles: [{ plate: 'x' }] })).status).toBe(400);
    expect((await control('PUT', `/admin/persons/${id}`, { salary: 1 })).status).toBe(400);
    expect((await control('PUT', `/admin/persons/${id}`, { banking: { depositsFen: 1.5 } })).status).toBe(
      400,
    );
    expect((await control('PUT', `/admin/persons/${id}`, { deathDate: '2024-02-30' })).status).toBe(400);
    expect((await control('PUT', `/admin/persons/${id}`, [1, 2])).status).toBe(400);
    expect((await control('PUT', '/admin/persons/12345', {})).status).toBe(400);
    expect((await control('PUT', '/admin/sources/HUKOU', { latencyMs: [5, 1] })).status).toBe(400);
    expect((await control('PUT', '/admin/sources/HUKOU', { errorRate: 2 })).status).toBe(400);
    expect((await control('PUT', '/admin/sources/HUKOU', { down: 'yes' })).status).toBe(400);
    expect((await control('PUT', '/admin/sources/POLICE', { down: true })).status).toBe(404);
    expect((await control('GET', '/admin/calls')).status).toBe(400);
  });

  it('answers 503 to every call of a source that is down, and 500 at an error rate of 1', async () => {
    const id = idNumber('1980-01-01', 1);
    const down = await control('PUT', '/admin/sources/TAX', { down: true });
    expect(down.body).toEqual({
      source: 'TAX',
      latencyMs: [0, 0],
      errorRate: 0,
      down: true,
      malformed: false,
    });
    expect((await ask('TAX', [id])).status).toBe(503);
    expect((await ask('TAX', [id], 'wrong-key')).status).toBe(503);
    expect((await ask('HUKOU', [id])).status).toBe(200);

    await control('PUT', '/admin/sources/TAX', { down: false, errorRate: 1 });
    const failed = await ask('TAX', [id]);
    expect(failed).toEqual({ status: 500, body: { code: '5000', message: 'internal error' } });

    await control('PUT', '/admin/sources/TAX', { errorRate: 0, latencyMs: [1, 3] });
    expect((await ask('TAX', [id])).status).toBe(200);
  });

  it('answers 200 with a body that breaks the format when a source is set malformed', async () => {
    const id = idNumber('1980-01-01', 1);
    await control('PUT', '/admin/sources/CIVIL_AFFAIRS', { malformed: true });
    const call = CALLS.CIVIL_AFFAIRS([id]);
    const response = await app.inject({
      method: 'POST',
      url: call.url,
      headers: call.headers,
      payload: call.payload as object,
    });
    expect(response.statusCode).toBe(200);
    expect(() => JSON.parse(response.body) as unknown).toThrow();
  });

  it('counts the calls per source for each person, whatever their outcome, and reset clears everything', async () => {
    const a = idNumber('1980-01-01', 1);
    const b = idNumber('1981-02-02', 2);
    const never = idNumber('1982-03-03', 3);
    await ask('HUKOU', [a, b]);
    await ask('HUKOU', [a]);
    await ask('BANKING', [b], 'wrong-key');
    await control('PUT', '/admin/sources/TAX', { down: true });
    await ask('TAX', [a]);
    await control('PUT', `/admin/persons/${a}`, { alive: false, deathDate: '2024-03-15' });

    const callsOfA = (await control('GET', `/admin/calls?idNumber=${a}`)).body;
    expect(callsOfA).toMatchObject({ HUKOU: 2, TAX: 1, BANKING: 0 });
    expect(Object.keys(callsOfA).sort()).toEqual([...MOCK_SOURCE_CODES].sort());
    expect((await control('GET', `/admin/calls?idNumber=${b}`)).body).toMatchObject({
      HUKOU: 1,
      BANKING: 1,
      TAX: 0,
    });
    const untouched = (await control('GET', `/admin/calls?idNumber=${never}`)).body;
    expect(Object.values(untouched).every((count) => count === 0)).toBe(true);
    expect((await ask('HUKOU', [a])).body.data[0]).toMatchObject({ hjzt: '死亡', swrq: '20240315' });

    expect((await app.inject({ method: 'POST', url: '/admin/reset' })).statusCode).toBe(204);
    expect((await control('GET', `/admin/calls?idNumber=${a}`)).body).toMatchObject({ HUKOU: 0, TAX: 0 });
    expect((await ask('TAX', [a])).status).toBe(200);
    expect((await ask('HUKOU', [a])).body.data[0]).not.toMatchObject({ hjzt: '死亡', swrq: '20240315' });
  });
});

describe('mock-sources with the control API switched off', () => {
  it('does not register the control routes', async () => {
    const saved = process.env.MOCK_SOURCES_CONTROL;
    process.env.MOCK_SOURCES_CONTROL = 'false';
    try {
      await jest.isolateModulesAsync(async () => {
        // A fresh module registry, so the control switch is read again.
        const { MockSourcesModule: Isolated } =
          jest.requireActual<typeof import('./mock-sources.module')>('./mock-sources.module');
        const { createHttpApp: create } = jest.requireActual<typeof import('@app/platform')>('@app/platform');
        const app = await create(Isolated, { title: 'test' });
        await app.init();
        try {
          expect((await app.inject({ method: 'POST', url: '/admin/reset' })).statusCode).toBe(404);
          const id = idNumber('1980-01-01', 1);
          expect(
            (await app.inject({ method: 'PUT', url: `/admin/persons/${id}`, payload: {} })).statusCode,
          ).toBe(404);
          const call = CALLS.HUKOU([id]);
          const answer = await app.inject({
            method: 'POST',
            url: call.url,
            headers: call.headers,
            payload: call.payload as object,
          });
          expect(answer.statusCode).toBe(200);
        } finally {
          await app.close();
        }
      });
    } finally {
      if (saved === undefined) delete process.env.MOCK_SOURCES_CONTROL;
      else process.env.MOCK_SOURCES_CONTROL = saved;
    }
  });
});
