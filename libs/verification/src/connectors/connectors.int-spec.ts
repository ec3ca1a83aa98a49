import { type NestFastifyApplication } from '@nestjs/platform-fastify';
import { createServer } from 'node:net';
import { createHttpApp } from '@app/platform';
import { SOURCE_CODES, type SourceCode } from '@app/eligibility';
// Contract tests run the real mocked departments in-process (a test-only reach into the app).
import { MockSourcesModule } from '../../../../apps/mock-sources/src/mock-sources.module';
import { createConnectors } from './create-connectors';
import { HukouConnector } from './hukou.connector';
import { type ConnectorsBySource, type PersonToQuery } from './source-connector';
import { SourceError } from './source-error';
import { NO_RECORD_FACTS } from './source-records.types';

// GB 11643 check character (ISO 7064 MOD 11-2), local so this file depends on no other team's work.
function idNumber(birthDate: string, seq: number, areaCode = '431102'): string {
  const first17 = `${areaCode}${birthDate.replaceAll('-', '')}${String(seq).padStart(3, '0')}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = weights.reduce((total, weight, i) => total + weight * Number(first17[i]), 0);
  return `${first17}${'10X98765432'[sum % 11]}`;
}

const FULL_ID = idNumber('1962-04-18', 13);
const DECEASED_ID = idNumber('1940-09-09', 21);
const EMPTY_ID = idNumber('1990-05-05', 44);

const FULL_PROFILE = {
  alive: true,
  deathDate: null,
  hukouAreaCode: '431102',
  vehicles: [
    { plate: '湘M12345', type: 'CAR', disabilityMobility: false, registeredOn: '2019-03-21' },
    { plate: '湘MD0001', type: 'MOTORCYCLE', disabilityMobility: true, registeredOn: '2021-07-01' },
    { plate: '湘MH0002', type: 'TRUCK', disabilityMobility: false, registeredOn: '2016-02-29' },
  ],
  employment: [
    { employer: '永州某公司', monthlyWageFen: 300029 },
    { employer: '某某超市', monthlyWageFen: 80000 },
  ],
  pensions: [
    { type: 'EMPLOYEE', monthlyFen: 321099, centralBaseFen: 0 },
    { type: 'RESIDENT', monthlyFen: 25000, centralBaseFen: 14300 },
  ],
  unemploymentBenefitMonthlyFen: 150001,
  properties: [
    {
      certificateNo: '湘(2020)零陵区不动产权第0001234号',
      type: 'DWELLING',
      areaSqm: 80.5,
      registeredOn: '2020-05-12',
    },
    {
      certificateNo: '湘(2018)零陵区不动产权第0000077号',
      type: 'COMMERCIAL',
      areaSqm: 35,
      registeredOn: '2018-01-02',
    },
    {
      certificateNo: '湘(2011)零陵区不动产权第0000003号',
      type: 'OTHER',
      areaSqm: 12.25,
      registeredOn: '2011-11-11',
    },
  ],
  businesses: [
    {
      name: '永州某某贸易有限公司',
      kind: 'ENTERPRISE',
      role: 'SHAREHOLDER',
      registeredCapitalFen: 20000001,
      status: 'REVOKED',
    },
    {
      name: '某某商行',
      kind: 'INDIVIDUAL',
      role: 'LEGAL_REP',
      registeredCapitalFen: 123456,
      status: 'ACTIVE',
    },
  ],
  annualTaxableWageFen: 3600347,
  housingFundBaseFen: 280029,
  banking: { depositsFen: 12345679, securitiesFen: 100001, wealthProductsFen: 2000099 },
  maritalStatus: 'WIDOWED',
  receivingAssistance: [
    { programme: 'DIBAO', areaCode: '431102', since: '2025-01-01' },
    { programme: 'TEMPORARY_AID', areaCode: '431102001' },
  ],
  disability: { category: 'INTELLECTUAL', grade: 2 },
  publicPayroll: true,
};

/** What each connector must make of FULL_PROFILE. */
const FULL_FACTS: { [S in SourceCode]: unknown } = {
  HUKOU: { found: true, deceased: false, deathDate: null, hukouAreaCode: '431102' },
  VEHICLE: [
    { plate: '湘M12345', type: 'CAR', registeredOn: '2019-03-21', disabilityMobility: false },
    { plate: '湘MD0001', type: 'MOTORCYCLE', registeredOn: '2021-07-01', disabilityMobility: true },
    { plate: '湘MH0002', type: 'TRUCK', registeredOn: '2016-02-29', disabilityMobility: false },
  ],
  SOCIAL_SECURITY: {
    employments: [
      { employer: '永州某公司', monthlyWageFen: 300029 },
      { employer: '某某超市', monthlyWageFen: 80000 },
    ],
    pensions: [
      { type: 'EMPLOYEE', monthlyFen: 321099, centralBaseFen: 0 },
      { type: 'RESIDENT', monthlyFen: 25000, centralBaseFen: 14300 },
    ],
    unemploymentBenefitMonthlyFen: 150001,
  },
  REAL_ESTATE: [
    {
      certificateNo: '湘(2020)零陵区不动产权第0001234号',
      type: 'DWELLING',
      areaSqm: 80.5,
      registeredOn: '2020-05-12',
    },
    {
      certificateNo: '湘(2018)零陵区不动产权第0000077号',
      type: 'COMMERCIAL',
      areaSqm: 35,
      registeredOn: '2018-01-02',
    },
    {
      certificateNo: '湘(2011)零陵区不动产权第0000003号',
      type: 'OTHER',
      areaSqm: 12.25,
      registeredOn: '2011-11-11',
    },
  ],
  MARKET_REGULATION: [
    {
      name: '永州某某贸易有限公司',
      kind: 'ENTERPRISE',
      role: 'SHAREHOLDER',
      registeredCapitalFen: 20000001,
      status: 'REVOKED',
    },
    {
      name: '某某商行',
      kind: 'INDIVIDUAL',
      role: 'LEGAL_REP',
      registeredCapitalFen: 123456,
      status: 'ACTIVE',
    },
  ],
  TAX: { annualTaxableWageFen: 3600347 },
  HOUSING_FUND: { baseFen: 280029, accountStatus: 'PAYING' },
  BANKING: { depositsFen: 12345679, securitiesFen: 100001, wealthProductsFen: 2000099 },
  CIVIL_AFFAIRS: {
    maritalStatus: 'WIDOWED',
    receivingAssistance: [
      { programme: 'DIBAO', areaCode: '431102', since: '2025-01-01' },
      { programme: 'TEMPORARY_AID', areaCode: '431102001', since: null },
    ],
  },
  DISABILITY: { category: 'INTELLECTUAL', grade: 2 },
  PUBLIC_PAYROLL: true,
};

/** Where each department's test-only broken answer must be caught (so each test proves its own parser path). */
const MALFORMED_AT: { [S in SourceCode]: string } = {
  HUKOU: '$.data: expected an array',
  VEHICLE: 'answer is not JSON',
  SOCIAL_SECURITY: '$.rows[0].employments[0].contribution_base',
  REAL_ESTATE: '$.items: expected an array',
  MARKET_REGULATION: '$.result.list[0].entities[0].regCap',
  TAX: '$.payload.records[0].gzxjsd',
  HOUSING_FUND: '$.list[0].jcjs',
  BANKING: '$.body.customers: expected an entry for every person',
  CIVIL_AFFAIRS: 'answer is not JSON',
  DISABILITY: '$[0].cjdj',
  PUBLIC_PAYROLL: '$.persons[key 0].sfcz',
};

const PERSONS: PersonToQuery[] = [
  { memberId: 'member-full', idNumber: FULL_ID },
  { memberId: 'member-empty', idNumber: EMPTY_ID },
];

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (typeof address !== 'object' || address === null) throw new Error('no port');
  return address.port;
}

describe('connectors: contract with the mocked departments (SPEC 5.1, 5.2)', () => {
  let app: NestFastifyApplication;
  let baseUrl: string;
  let connectors: ConnectorsBySource;

  beforeAll(async () => {
    Object.assign(process.env, { NODE_ENV: 'test', LOG_LEVEL: 'silent' });
    app = await createHttpApp(MockSourcesModule, { title: 'test' });
    await app.listen(0, '127.0.0.1');
    baseUrl = await app.getUrl();
    connectors = createConnectors(baseUrl, { timeoutMs: 2_000 });
  });

  afterAll(async () => {
    await app.close();
  });

  async function control(method: 'PUT' | 'POST' | 'GET', url: string, payload?: object) {
    const response = await app.inject({ method, url, ...(payload ? { payload } : {}) });
    expect(response.statusCode).toBeLessThan(300);
    return response.body ? (JSON.parse(response.body) as unknown) : undefined;
  }

  beforeEach(async () => {
    await control('POST', '/admin/reset');
    await control('PUT', `/admin/persons/${FULL_ID}`, FULL_PROFILE);
    await control('PUT', `/admin/persons/${DECEASED_ID}`, {
      alive: false,
      deathDate: '2025-03-15',
      hukouAreaCode: '431121',
    });
    await control('PUT', `/admin/persons/${EMPTY_ID}`, {});
  });

  async function failureOf(promise: Promise<unknown>): Promise<SourceError> {
    const error = await promise.then(
      () => null,
      (thrown: unknown) => thrown,
    );
    expect(error).toBeInstanceOf(SourceError);
    return error as SourceError;
  }

  it.each(SOURCE_CODES)(
    '%s: normalises a full profile, and "no record" to the empty fact',
    async (source) => {
      const results = await connectors[source].query(PERSONS);
      expect(results).toEqual([
        { memberId: 'member-full', outcome: 'FOUND', fact: FULL_FACTS[source], raw: expect.anything() },
        {
          memberId: 'member-empty',
          outcome: 'NO_RECORD',
          fact: NO_RECORD_FACTS[source],
          raw: source === 'REAL_ESTATE' || source === 'PUBLIC_PAYROLL' ? null : expect.anything(),
        },
      ]);
      // Raw answers go to the audited raw-results view: never a full ID number.
      const raw = JSON.stringify(results.map((result) => result.raw));
      expect(raw).not.toContain(FULL_ID.slice(6, 14));
      expect(raw).not.toContain(EMPTY_ID.slice(6, 14));
      expect(await control('GET', `/admin/calls?idNumber=${FULL_ID}`)).toMatchObject({ [source]: 1 });
    },
  );

  it('reads death and the hukou area, and keeps the raw answer with the ID number masked', async () => {
    const [deceased] = await connectors.HUKOU.query([{ memberId: 'grandma', idNumber: DECEASED_ID }]);
    expect(deceased).toEqual({
      memberId: 'grandma',
      outcome: 'FOUND',
      fact: { found: true, deceased: true, deathDate: '2025-03-15', hukouAreaCode: '431121' },
      raw: {
        sfzh: `${DECEASED_ID.slice(0, 6)}********${DECEASED_ID.slice(14)}`,
        cxjg: '1',
        hjzt: '死亡',
        swrq: '20250315',
        hjszd: '431121',
      },
    });
  });

  it('answers an unpinned ID number with the same normalised facts every time, in every source', async () => {
    const persons = [
      { memberId: 'a', idNumber: idNumber('1955-01-02', 101) },
      { memberId: 'b', idNumber: idNumber('1984-06-30', 102) },
      { memberId: 'c', idNumber: idNumber('2014-12-12', 103) },
    ];
    for (const source of SOURCE_CODES) {
      const first = await connectors[source].query(persons);
      const second = await connectors[source].query(persons);
      expect(second).toEqual(first);
      expect(first.map((result) => result.memberId)).toEqual(['a', 'b', 'c']);
    }
  });

  it('answers members in the order given, once per member even when two share an ID number', async () => {
    const results = await connectors.TAX.query([
      { memberId: 'm2', idNumber: EMPTY_ID },
      { memberId: 'm1', idNumber: FULL_ID },
      { memberId: 'm3', idNumber: FULL_ID },
    ]);
    expect(results.map((r) => [r.memberId, r.outcome])).toEqual([
      ['m2', 'NO_RECORD'],
      ['m1', 'FOUND'],
      ['m3', 'FOUND'],
    ]);
    expect(await control('GET', `/admin/calls?idNumber=${FULL_ID}`)).toMatchObject({ TAX: 1 });
  });

  it('splits more than 20 persons into batches the departments accept', async () => {
    const persons = Array.from({ length: 23 }, (_, i) => ({
      memberId: `m${i}`,
      idNumber: idNumber('1980-01-01', 200 + i),
    }));
    const results = await connectors.BANKING.query(persons);
    expect(results).toHaveLength(23);
    expect(results.map((result) => result.memberId)).toEqual(persons.map((person) => person.memberId));
  });

  it('lets a per-person error of a batch answer affect only that person (issue 12)', async () => {
    const failing = idNumber('1980-01-01', 300);
    await control('PUT', `/admin/persons/${failing}`, { bankingInquiryFails: true });
    const results = await connectors.BANKING.query([
      ...PERSONS,
      { memberId: 'member-failing', idNumber: failing },
    ]);
    expect(results.map((r) => [r.memberId, r.outcome])).toEqual([
      ['member-full', 'FOUND'],
      ['member-empty', 'NO_RECORD'],
      ['member-failing', 'ERROR'],
    ]);
    expect(results[2]!.error).toBe('BANKING: inquiry failed for one customer (100500)');
  });

  it('sends nothing for no persons, and refuses to send an ID number that is not one', async () => {
    expect(await connectors.HUKOU.query([])).toEqual([]);
    const error = await failureOf(connectors.HUKOU.query([{ memberId: 'x', idNumber: '4311021980' }]));
    expect(error).toMatchObject({ kind: 'REJECTED', retryable: false });
  });

  it('turns a department that is down into a retryable SourceError (503)', async () => {
    await control('PUT', '/admin/sources/SOCIAL_SECURITY', { down: true });
    const error = await failureOf(connectors.SOCIAL_SECURITY.query(PERSONS));
    expect(error).toMatchObject({
      source: 'SOCIAL_SECURITY',
      kind: 'UNAVAILABLE',
      status: 503,
      retryable: true,
    });
    expect(error.message).not.toContain(FULL_ID);
    // The other departments are unaffected.
    expect(await connectors.HUKOU.query(PERSONS)).toHaveLength(2);
  });

  it('turns internal errors into a retryable SourceError (500)', async () => {
    await control('PUT', '/admin/sources/VEHICLE', { errorRate: 1 });
    const error = await failureOf(connectors.VEHICLE.query(PERSONS));
    expect(error).toMatchObject({ kind: 'UNAVAILABLE', status: 500, retryable: true });
  });

  it('turns a wrong API key into a SourceError that is not retried (401)', async () => {
    const wrong = new HukouConnector({ baseUrl, apiKey: 'not-the-key' });
    const error = await failureOf(wrong.query(PERSONS));
    expect(error).toMatchObject({ kind: 'UNAUTHORIZED', status: 401, retryable: false });
    const keyed = createConnectors(baseUrl, { keys: { BANKING: 'wrong' } });
    expect(await failureOf(keyed.BANKING.query(PERSONS))).toMatchObject({ kind: 'UNAUTHORIZED' });
    expect(await keyed.HUKOU.query(PERSONS)).toHaveLength(2);
  });

  it('times out a slow department, and stops when the caller aborts', async () => {
    await control('PUT', '/admin/sources/DISABILITY', { latencyMs: [400, 400] });
    const slow = createConnectors(baseUrl, { timeoutMs: 50 });
    const timeout = await failureOf(slow.DISABILITY.query(PERSONS));
    expect(timeout).toMatchObject({ kind: 'TIMEOUT', retryable: true });

    const controller = new AbortController();
    const pending = connectors.DISABILITY.query(PERSONS, controller.signal);
    setTimeout(() => controller.abort(), 20);
    expect(await failureOf(pending)).toMatchObject({ kind: 'ABORTED', retryable: true });
  });

  it('turns a department nobody answers at into a retryable network SourceError', async () => {
    const unreachable = createConnectors(`http://127.0.0.1:${await closedPort()}`);
    const error = await failureOf(unreachable.PUBLIC_PAYROLL.query(PERSONS));
    expect(error).toMatchObject({ kind: 'NETWORK', retryable: true });
    expect(error.message).toContain('ECONNREFUSED');
  });

  it.each(SOURCE_CODES)(
    '%s: turns a malformed answer into a SourceError that is not retried',
    async (source) => {
      await control('PUT', `/admin/sources/${source}`, { malformed: true });
      const error = await failureOf(connectors[source].query(PERSONS));
      expect(error).toMatchObject({ source, kind: 'MALFORMED', retryable: false });
      expect(error.message).not.toContain(FULL_ID);
      expect(error.message).not.toContain(EMPTY_ID);
      expect(error.message).toContain(MALFORMED_AT[source]);
      await control('PUT', `/admin/sources/${source}`, { malformed: false });
      expect(await connectors[source].query(PERSONS)).toHaveLength(2);
    },
  );

  it('never queries a person it was not given', async () => {
    for (const source of SOURCE_CODES) await connectors[source].query([PERSONS[0]!]);
    const calls = (await control('GET', `/admin/calls?idNumber=${EMPTY_ID}`)) as Record<string, number>;
    expect(Object.values(calls)).toEqual(SOURCE_CODES.map(() => 0));
  });
});
