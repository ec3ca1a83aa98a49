import { todayInChina } from '@app/common';
import { generateIdNumber } from '@app/privacy';
import {
  applicationBody,
  birthDateYearsAgo,
  memberBody,
  uniqueIdNumber,
  type ApplicationBody,
  type MemberBody,
} from '@app/testing';
import { DbProbe, eventually, validIdNumbersIn, type TableCounts } from './support/db-probe';
import {
  client,
  createUsers,
  startApi,
  TEST_PASSWORD,
  type Reply,
  type RunningApi,
} from './support/api-harness';

interface MemberView {
  id: string;
  idNumberMasked: string;
  age: number;
  sex: string;
  counted: boolean;
  authorization: unknown;
}
interface View {
  id: string;
  number: string;
  status: string;
  version: number;
  townshipCode: string;
  members: MemberView[];
}
interface ErrorBody {
  statusCode: number;
  code: string;
  message: string;
  errors?: { path: string; message: string }[];
  existingApplicationNumber?: string;
}

const USERS = [
  { username: 'op-a', roles: ['STATION_OPERATOR'], areaCode: '431102001' },
  { username: 'op-a2', roles: ['STATION_OPERATOR'], areaCode: '431102001' },
  { username: 'op-c', roles: ['STATION_OPERATOR'], areaCode: '431102002' },
  { username: 'op-b', roles: ['STATION_OPERATOR'], areaCode: '431103001' },
  { username: 'rev-a', roles: ['TOWNSHIP_REVIEWER'], areaCode: '431102001' },
  { username: 'int-a', roles: ['INTEGRATION'], areaCode: '431102001' },
  { username: 'officer-431102', roles: ['VERIFICATION_OFFICER'], areaCode: '431102' },
  { username: 'sup', roles: ['CITY_SUPERVISOR'], areaCode: '431100' },
];

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** A copy of a valid body with one change applied. */
function mutated(change: (body: ApplicationBody) => void): () => ApplicationBody {
  return () => {
    const body = applicationBody();
    change(body);
    return body;
  };
}

function member(body: ApplicationBody, i: number): MemberBody {
  return body.members[i]!;
}

function pathsOf(reply: Reply<ErrorBody>): string[] {
  return [...new Set((reply.body.errors ?? []).map((e) => e.path))].sort();
}

describe('applications over HTTP (SPEC 3)', () => {
  let api: RunningApi;
  let http: ReturnType<typeof client>;
  let db: DbProbe;
  const tokens: Record<string, string> = {};
  const today = todayInChina();
  const tomorrow = addDays(today, 1);

  beforeAll(async () => {
    api = await startApi();
    http = client(api.app);
    await createUsers(http, USERS);
    for (const user of USERS) tokens[user.username] = await http.login(user.username, TEST_PASSWORD);
    db = await DbProbe.connect(api.db.url);
  }, 60_000);

  afterAll(async () => {
    await db.close();
    await api.close();
  });

  function create(body: unknown, as = 'op-a', headers: Record<string, string> = {}) {
    return http.call<View & ErrorBody>('POST', '/api/v1/applications', { token: tokens[as], body, headers });
  }

  /** The ID numbers of every household created by `created`, by application id. */
  const idNumbers = new Map<string, string[]>();

  async function created(body: ApplicationBody = applicationBody(), as = 'op-a'): Promise<View> {
    const reply = await create(body, as);
    if (reply.status !== 201) throw new Error(`create failed: ${reply.status} ${JSON.stringify(reply.body)}`);
    idNumbers.set(
      reply.body.id,
      body.members.map((m) => m.idNumber as string),
    );
    return reply.body;
  }

  function idNumbersOf(view: View): string[] {
    const ids = idNumbers.get(view.id);
    if (!ids) throw new Error(`no household recorded for ${view.id}`);
    return ids;
  }

  describe('bad input: 4xx listing every problem, nothing written', () => {
    interface BadCase {
      name: string;
      body?: () => unknown;
      raw?: { payload: string; contentType?: string };
      as?: string;
      headers?: Record<string, string>;
      status: number;
      code: string;
      paths?: string[];
      /** access.denied entries the refusal writes (SPEC 8: every denied access is audited). */
      denied?: number;
    }

    const cases: BadCase[] = [
      {
        name: 'unknown programme',
        body: mutated((b) => (b.programme = 'WELFARE')),
        status: 400,
        code: 'VALIDATION_FAILED',
        paths: ['programme'],
      },
      {
        name: 'unknown residence',
        body: mutated((b) => (b.residence = 'SUBURBAN')),
        status: 400,
        code: 'VALIDATION_FAILED',
        paths: ['residence'],
      },
      {
        name: 'missing address',
        body: mutated((b) => delete b.address),
        status: 400,
        code: 'VALIDATION_FAILED',
        paths: ['address'],
      },
      {
        name: 'empty address',
        body: mutated((b) => (b.address = '')),
        status: 400,
        code: 'VALIDATION_FAILED',
        paths: ['address'],
      },
      {
        name: 'address over 200 characters',
        body: mutated((b) => (b.address = '路'.repeat(201))),
        status: 400,
        code: 'VALIDATION_FAILED',
        paths: ['address'],
      },
      {
        name: 'hasAbleSupporter not a boolean',
        body: mutated((b) => (b.hasAbleSupporter = 'no')),
        status: 400,
        code: 'VALIDATION_FAILED',
        paths: ['hasAbleSupporter'],
      },
      {
        name: 'staffRelative not a boolean',
        body: mutated((b) => (b.staffRelative = 1)),
        status: 400,
        code: 'VALIDATION_FAILED',
        paths: ['staffRelative'],
      },
      {
        name: 'malformed townshipCode',
        body: mutated((b) => (b.townshipCode = '4311')),
        status: 400,
        code: 'VALIDATION_FAILED',
        paths: ['townshipCode'],
      },
      {
        name: 'no members',
        body: mutated((b) => (b.members = [])),
        status: 400,
        code: 'VALIDATION_FAILED',
        paths: ['members'],
      },
      {
        name: 'more than 20 members',
        body: mutated((b) => {
          b.members = [
            memberBody(),
            ...Array.from({ length: 20 }, () => memberBody({ relation: 'OTHER', name: '王五' })),
          ];
        }),
        status: 400,
        code: 'VALIDATION_FAILED',
        paths: ['members'],
      },
      {
        name: 'members not an array',
        body: mutated((b) => ((b as Record<string, unknown>).members = { 0: memberBody() })),
        status: 400,
        code: 'VALIDATION_FAILED',
        paths: ['members'],
      },
      {
        name: 'no applicant (no SELF)',
        body: mutated((b) => (member(b, 0).relation = 'SPOUSE')),
        status: 400,
        code: 'VALIDATION_FAILED',
        paths: ['members'],
      },
      {
        name: 'two applicants (two SELF)',
        body: mutated((b) => (member(b, 1).relation = 'SELF')),
        status: 400,
        code: 'VALIDATION_FAILED',
        paths: ['members'],
      },
      {
        name: 'empty member name',
        body: mutated((b) => (member(b, 0).name = '')),
        status: 400,
        code: 'VALIDATION_FAILED',
        paths: ['members[0].name'],
      },
      {
        name: 'member name over 50 characters',
        body: mutated((b) => (member(b, 1).name = '张'.repeat(51))),
        status: 400,
        code: 'VALIDATION_FAILED',
        paths: ['members[1].name'],
      },
      {
        name: 'coResident missing',
        body: mutated((b) => delete member(b, 1).coResident),
        status: 400,
        code: 'VALIDATION_FAILED',
        paths: ['members[1].coResident'],
      },
      {
        name: 'ID number of 17 characters',
        body: mutated((b) => (member(b, 0).idNumber = uniqueIdNumber().slice(0, 17))),
        status: 400,
        code: 'VALIDATION_FAILED',
        paths: ['members[0].idNumber'],
      },
      {
        name: 'ID number with a wrong check digit',
        body: mutated((b) => {
          const id = uniqueIdNumber();
          member(b, 0).idNumber = `${id.slice(0, 17)}${id.endsWith('0') ? '1' : '0'}`;
        }),
        status: 400,
        code: 'VALIDATION_FAILED',
        paths: ['members[0].idNumber'],
      },
      {
        name: 'ID number born in the future',
        body: mutated((b) => (member(b, 1).idNumber = generateIdNumber(tomorrow, 7))),
        status: 400,
        code: 'VALIDATION_FAILED',
        paths: ['members[1].idNumber'],
      },
      {
        name: 'ID number born before 1900',
        body: mutated((b) => (member(b, 1).idNumber = generateIdNumber('1899-12-31', 7))),
        status: 400,
        code: 'VALIDATION_FAILED',
        paths: ['members[1].idNumber'],
      },
      {
        name: 'ID number with an impossible birth date',
        body: mutated((b) => (member(b, 0).idNumber = generateIdNumber('1981-02-29', 9))),
        status: 400,
        code: 'VALIDATION_FAILED',
        paths: ['members[0].idNumber'],
      },
      {
        name: 'the same ID number twice in the household',
        body: mutated((b) => (member(b, 1).idNumber = member(b, 0).idNumber)),
        status: 400,
        code: 'VALIDATION_FAILED',
        paths: ['members[1].idNumber'],
      },
      {
        name: 'the same ID number twice, once with a lower-case x',
        body: mutated((b) => {
          let id = uniqueIdNumber();
          for (let seq = 0; !id.endsWith('X'); seq++) id = generateIdNumber('1975-05-05', seq, '431102');
          member(b, 0).idNumber = id;
          member(b, 1).idNumber = id.toLowerCase();
        }),
        status: 400,
        code: 'VALIDATION_FAILED',
        paths: ['members[1].idNumber'],
      },
      {
        name: 'unknown relation',
        body: mutated((b) => (member(b, 1).relation = 'COUSIN')),
        status: 400,
        code: 'VALIDATION_FAILED',
        paths: ['members[1].relation'],
      },
      {
        name: 'unknown exclusion',
        body: mutated((b) => (member(b, 1).exclusion = 'ABROAD')),
        status: 400,
        code: 'VALIDATION_FAILED',
        paths: ['members[1].exclusion'],
      },
      {
        name: 'disability grade 5 and an unknown category',
        body: mutated((b) => (member(b, 0).disability = { category: 'TEMPORARY', grade: 5 })),
        status: 400,
        code: 'VALIDATION_FAILED',
        paths: ['members[0].disability.category', 'members[0].disability.grade'],
      },
      {
        name: 'unknown employment',
        body: mutated((b) => (member(b, 0).employment = 'PART_TIME')),
        status: 400,
        code: 'VALIDATION_FAILED',
        paths: ['members[0].employment'],
      },
      {
        name: 'negative, fractional and string money',
        body: mutated((b) => {
          member(b, 0).declaredMonthlyIncome = {
            wageFen: -1,
            businessFen: 1.5,
            propertyFen: '100',
            transferFen: 0,
            excludedFen: 0,
          };
        }),
        status: 400,
        code: 'VALIDATION_FAILED',
        paths: [
          'members[0].declaredMonthlyIncome.businessFen',
          'members[0].declaredMonthlyIncome.propertyFen',
          'members[0].declaredMonthlyIncome.wageFen',
        ],
      },
      {
        name: 'money above 10^12 fen and 100 vehicles',
        body: mutated((b) => {
          member(b, 1).declaredAssets = {
            depositsFen: 1_000_000_000_001,
            securitiesFen: 0,
            vehicles: 100,
            dwellings: 0,
          };
        }),
        status: 400,
        code: 'VALIDATION_FAILED',
        paths: ['members[1].declaredAssets.depositsFen', 'members[1].declaredAssets.vehicles'],
      },
      {
        name: 'declared income missing',
        body: mutated((b) => delete member(b, 0).declaredMonthlyIncome),
        status: 400,
        code: 'VALIDATION_FAILED',
        paths: ['members[0].declaredMonthlyIncome'],
      },
      {
        name: 'authorisation signed tomorrow',
        body: mutated(
          (b) => (member(b, 0).authorization = { signedAt: tomorrow, signer: 'SELF', documentRef: 'A-1' }),
        ),
        status: 400,
        code: 'VALIDATION_FAILED',
        paths: ['members[0].authorization.signedAt'],
      },
      {
        name: 'authorisation on an impossible date, by an unknown signer, with a long reference',
        body: mutated(
          (b) =>
            (member(b, 1).authorization = {
              signedAt: '2025-02-30',
              signer: 'NEIGHBOUR',
              documentRef: 'R'.repeat(65),
            }),
        ),
        status: 400,
        code: 'VALIDATION_FAILED',
        paths: [
          'members[1].authorization.documentRef',
          'members[1].authorization.signedAt',
          'members[1].authorization.signer',
        ],
      },
      {
        name: 'a minor signing as SELF',
        body: mutated((b) =>
          b.members.push(
            memberBody({ name: '张小', relation: 'CHILD', idNumber: uniqueIdNumber(birthDateYearsAgo(10)) }),
          ),
        ),
        status: 400,
        code: 'VALIDATION_FAILED',
        paths: ['members[2].authorization.signer'],
      },
      {
        name: 'an unknown top-level field',
        body: mutated((b) => (b.priority = 'HIGH')),
        status: 400,
        code: 'VALIDATION_FAILED',
        paths: ['priority'],
      },
      {
        name: 'unknown fields in a member and in its assets',
        body: mutated((b) => {
          member(b, 0).nickname = '三儿';
          (member(b, 0).declaredAssets as Record<string, unknown>).boats = 1;
        }),
        status: 400,
        code: 'VALIDATION_FAILED',
        paths: ['members[0].declaredAssets.boats', 'members[0].nickname'],
      },
      {
        name: 'many problems at once, each with its path',
        body: mutated((b) => {
          b.programme = 'X';
          member(b, 0).idNumber = '123';
          member(b, 1).name = '';
          member(b, 1).coResident = 'yes';
        }),
        status: 400,
        code: 'VALIDATION_FAILED',
        paths: ['members[0].idNumber', 'members[1].coResident', 'members[1].name', 'programme'],
      },
      {
        name: 'a JSON array instead of an object',
        body: () => [applicationBody()],
        status: 400,
        code: 'VALIDATION_FAILED',
        paths: [''],
      },
      {
        name: 'malformed JSON',
        raw: { payload: '{"programme": "DIBAO", ' },
        status: 400,
        code: 'VALIDATION_FAILED',
      },
      {
        name: 'plain text instead of JSON',
        raw: { payload: JSON.stringify(applicationBody()), contentType: 'text/plain' },
        status: 415,
        code: 'UNSUPPORTED_MEDIA_TYPE',
      },
      {
        name: 'XML instead of JSON',
        raw: { payload: '<application/>', contentType: 'application/xml' },
        status: 415,
        code: 'UNSUPPORTED_MEDIA_TYPE',
      },
      {
        name: 'a form instead of JSON',
        raw: { payload: 'programme=DIBAO', contentType: 'application/x-www-form-urlencoded' },
        status: 415,
        code: 'UNSUPPORTED_MEDIA_TYPE',
      },
      {
        name: 'a member that is not an object, an authorisation that is a list',
        body: mutated((b) => {
          b.members.push(null as unknown as MemberBody);
          member(b, 1).authorization = [];
          member(b, 0).disability = 'BLIND';
        }),
        status: 400,
        code: 'VALIDATION_FAILED',
        paths: ['members', 'members[0].disability', 'members[1].authorization', 'members[2]'],
      },
      {
        name: 'a body over 256 KiB',
        body: mutated((b) => (b.address = 'x'.repeat(300 * 1024))),
        status: 413,
        code: 'PAYLOAD_TOO_LARGE',
      },
      {
        name: 'an Idempotency-Key over 128 characters',
        body: () => applicationBody(),
        headers: { 'idempotency-key': 'k'.repeat(129) },
        status: 400,
        code: 'VALIDATION_FAILED',
        paths: ['Idempotency-Key'],
      },
      {
        name: 'a township in another county (out of scope)',
        body: mutated((b) => (b.townshipCode = '431103001')),
        status: 404,
        code: 'NOT_FOUND',
        denied: 1,
      },
      {
        name: 'another township of the same county (out of scope)',
        body: mutated((b) => (b.townshipCode = '431102002')),
        status: 404,
        code: 'NOT_FOUND',
        denied: 1,
      },
      {
        name: 'a township code that does not exist',
        body: mutated((b) => (b.townshipCode = '431102999')),
        status: 404,
        code: 'NOT_FOUND',
      },
      {
        name: 'a role that may not create (TOWNSHIP_REVIEWER)',
        body: () => applicationBody(),
        as: 'rev-a',
        status: 403,
        code: 'FORBIDDEN',
        denied: 1,
      },
    ];

    it('has at least 25 cases', () => {
      expect(cases.length).toBeGreaterThanOrEqual(25);
    });

    it.each(cases)('$name → $status $code', async (c) => {
      const before = await db.counts();
      const seq = await db.lastAuditSeq();
      let reply: Reply<ErrorBody>;
      if (c.raw) {
        const response = await api.app.inject({
          method: 'POST',
          url: '/api/v1/applications',
          headers: {
            authorization: `Bearer ${tokens[c.as ?? 'op-a']}`,
            'content-type': c.raw.contentType ?? 'application/json',
          },
          payload: c.raw.payload,
        });
        reply = { status: response.statusCode, body: JSON.parse(response.body) as ErrorBody, headers: {} };
      } else {
        reply = await create(c.body!(), c.as ?? 'op-a', c.headers);
      }
      expect(reply.status).toBe(c.status);
      expect(reply.body.code).toBe(c.code);
      expect(reply.body.statusCode).toBe(c.status);
      if (c.paths) expect(pathsOf(reply)).toEqual([...c.paths].sort());
      for (const problem of reply.body.errors ?? []) expect(problem.message.length).toBeGreaterThan(0);
      expect(validIdNumbersIn(JSON.stringify(reply.body))).toEqual([]);

      const after = await db.counts();
      const denied = c.denied ?? 0;
      expect(after).toEqual({
        ...before,
        audit_entries: before.audit_entries + denied,
      } satisfies TableCounts);
      expect(await db.auditActionsAfter(seq)).toEqual(Array.from({ length: denied }, () => 'access.denied'));
    });
  });

  describe('create', () => {
    it('answers 201 with the masked view; VERIFYING with a run and its command when everyone is authorised', async () => {
      const body = applicationBody();
      const before = await db.counts();
      const reply = await create(body);
      expect(reply.status).toBe(201);
      const view = reply.body;
      expect(view).toMatchObject({
        status: 'VERIFYING',
        programme: 'DIBAO',
        townshipCode: '431102001',
        countyCode: '431102',
        version: 1,
        recommendation: null,
      });
      expect(view.number).toMatch(/^431102001-\d{4}-\d{6}$/);
      const ids = body.members.map((m) => m.idNumber as string);
      expect(view.members.map((m) => m.idNumberMasked)).toEqual(
        ids.map((id) => `${id.slice(0, 6)}********${id.slice(14)}`),
      );
      // Born on 1 January 1980 (the fixtures' default): the birthday has always passed.
      expect(view.members[0]).toMatchObject({
        age: Number(today.slice(0, 4)) - 1980,
        counted: true,
        relation: 'SELF',
      });
      for (const id of ids) expect(JSON.stringify(view)).not.toContain(id);

      const after = await db.counts();
      expect(after.applications - before.applications).toBe(1);
      expect(after.application_members - before.application_members).toBe(2);
      expect(after.open_application_persons - before.open_application_persons).toBe(2);
      const runs = await db.query('SELECT status FROM verification_runs WHERE application_id = $1', [
        view.id,
      ]);
      expect(runs).toEqual([{ status: 'RUNNING' }]);
      const outbox = await db.query<{ kind: string; type: string; queue: string | null }>(
        `SELECT kind, type, queue FROM outbox_messages WHERE payload->>'subject' = $1::text
            OR (kind = 'COMMAND' AND payload->>'runId' = (SELECT current_run_id::text FROM applications WHERE id = $1::uuid))
          ORDER BY seq`,
        [view.id],
      );
      expect(outbox).toEqual([
        { kind: 'COMMAND', type: 'verification.start', queue: 'hev-verification' },
        { kind: 'EVENT', type: 'application.submitted', queue: null },
      ]);
      const audit = await db.query(
        'SELECT action, actor_username FROM audit_entries WHERE application_id = $1',
        [view.id],
      );
      expect(audit).toEqual([{ action: 'application.created', actor_username: 'op-a' }]);
      // Nothing in the database holds the ID number in clear text.
      const dump = await db.query(
        `SELECT row_to_json(m)::text AS j FROM application_members m WHERE application_id = $1`,
        [view.id],
      );
      for (const id of ids) expect(JSON.stringify(dump)).not.toContain(id);
    });

    it('accepts an INTEGRATION account, a lower-case x and a minor authorised by a guardian', async () => {
      let id = '';
      for (let seq = 0; !id.endsWith('X'); seq++) id = generateIdNumber('1970-03-04', seq, '431121');
      const child = uniqueIdNumber(birthDateYearsAgo(9));
      const body = applicationBody({
        members: [
          memberBody({ idNumber: id.toLowerCase() }),
          memberBody({
            name: '张小',
            relation: 'CHILD',
            idNumber: child,
            employment: 'STUDENT',
            authorization: { signedAt: today, signer: 'GUARDIAN', documentRef: 'AUTH-CHILD' },
          }),
        ],
      });
      const view = await created(body, 'int-a');
      expect(view.members[0]!.idNumberMasked).toBe(`${id.slice(0, 6)}********${id.slice(14)}`);
      expect(view.members[1]).toMatchObject({ age: 9, counted: true });
      expect(view.status).toBe('VERIFYING');
      const [row] = await db.query<{ actor_role: string }>(
        `SELECT actor_role FROM audit_entries WHERE application_id = $1 AND action = 'application.created'`,
        [view.id],
      );
      expect(row?.actor_role).toBe('INTEGRATION');
    });

    it('waits for authorisation when a counted member has none; excluded and absent members need none', async () => {
      const waiting = await created(
        applicationBody({
          members: [memberBody(), memberBody({ name: '李四', relation: 'SPOUSE', authorization: null })],
        }),
      );
      expect(waiting.status).toBe('AWAITING_AUTHORIZATION');
      expect(
        await db.query('SELECT 1 FROM verification_runs WHERE application_id = $1', [waiting.id]),
      ).toEqual([]);

      const ready = await created(
        applicationBody({
          members: [
            memberBody(),
            memberBody({ name: '李四', relation: 'SPOUSE', authorization: null, exclusion: 'PRISON' }),
            memberBody({ name: '王五', relation: 'CHILD', authorization: null, coResident: false }),
          ],
        }),
      );
      expect(ready.status).toBe('VERIFYING');
      expect(ready.members.map((m) => m.counted)).toEqual([true, false, false]);
    });
  });

  describe('Idempotency-Key', () => {
    it('replays the same body (same id, 201, nothing new) and refuses another body with 409', async () => {
      const body = applicationBody();
      const first = await create(body, 'op-a', { 'idempotency-key': 'idem-1' });
      expect(first.status).toBe(201);
      const before = await db.counts();
      const again = await create(body, 'op-a', { 'idempotency-key': 'idem-1' });
      expect(again.status).toBe(201);
      expect(again.body.id).toBe(first.body.id);
      expect(again.body.number).toBe(first.body.number);
      expect(await db.counts()).toEqual(before);

      const other = await create(applicationBody(), 'op-a', { 'idempotency-key': 'idem-1' });
      expect(other.status).toBe(409);
      expect(other.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
      expect(await db.counts()).toEqual(before);

      // Keys belong to their caller: another operator's idem-1 is a new request.
      const mine = await create(applicationBody(), 'op-a2', { 'idempotency-key': 'idem-1' });
      expect(mine.status).toBe(201);
      expect(mine.body.id).not.toBe(first.body.id);
    });

    it('creates once when the same keyed request arrives 8 times at once', async () => {
      const body = applicationBody();
      const before = await db.counts();
      const replies = await Promise.all(
        Array.from({ length: 8 }, () => create(body, 'op-a', { 'idempotency-key': 'idem-burst' })),
      );
      expect(replies.map((r) => r.status)).toEqual(Array.from({ length: 8 }, () => 201));
      expect(new Set(replies.map((r) => r.body.id)).size).toBe(1);
      const after = await db.counts();
      expect(after.applications - before.applications).toBe(1);
      expect(after.outbox_messages - before.outbox_messages).toBe(2); // one event, one command
    });
  });

  describe('duplicate applications (SPEC 3.1)', () => {
    it('refuses a person who is counted in another open application, naming it only inside the caller’s scope', async () => {
      const first = await created();
      // The first household's applicant, as the spouse of a new household.
      const body = applicationBody();
      member(body, 1).idNumber = idNumbersOf(first)[0];
      const before = await db.counts();

      const inScope = await create(body);
      expect(inScope.status).toBe(409);
      expect(inScope.body.code).toBe('DUPLICATE_APPLICATION');
      expect(inScope.body.existingApplicationNumber).toBe(first.number);
      expect(pathsOf(inScope)).toEqual(['members[1].idNumber']);
      expect(inScope.body.message).toContain(first.number);

      const elsewhere = await create({ ...body, townshipCode: '431103001' }, 'op-b');
      expect(elsewhere.status).toBe(409);
      expect(elsewhere.body.code).toBe('DUPLICATE_APPLICATION');
      expect(elsewhere.body.existingApplicationNumber).toBeUndefined();
      expect(JSON.stringify(elsewhere.body)).not.toContain(first.number);
      expect(validIdNumbersIn(JSON.stringify(elsewhere.body))).toEqual([]);

      // Also when the person is listed as an excluded (not counted) member of the new household.
      member(body, 1).exclusion = 'PRISON';
      const excluded = await create(body);
      expect(excluded.status).toBe(409);
      expect(pathsOf(excluded)).toEqual(['members[1].idNumber']);
      expect(await db.counts()).toEqual(before);

      // Withdrawing the first application frees its persons.
      const withdrawn = await http.call('POST', `/api/v1/applications/${first.id}/withdraw`, {
        token: tokens['op-a'],
        body: { reason: 'household moved' },
      });
      expect(withdrawn.status).toBe(200);
      member(body, 1).exclusion = null;
      expect((await create(body)).status).toBe(201);
    });

    it('lets exactly one of 6 concurrent submissions of one person through, across townships', async () => {
      const person = uniqueIdNumber('1966-06-06');
      const submissions = Array.from({ length: 6 }, (_, i) => {
        const body = applicationBody();
        member(body, 0).idNumber = person;
        const other = i % 2 === 1;
        return create(other ? { ...body, townshipCode: '431103001' } : body, other ? 'op-b' : 'op-a');
      });
      const replies = await Promise.all(submissions);
      const statuses = replies.map((r) => r.status).sort();
      expect(statuses).toEqual([201, 409, 409, 409, 409, 409]);
      for (const r of replies.filter((x) => x.status === 409))
        expect(r.body.code).toBe('DUPLICATE_APPLICATION');
    });
  });

  it('numbers 50 concurrent creates of one township without a gap, even with refusals among them', async () => {
    const counter = await db.query<{ last_value: number }>(
      `SELECT last_value FROM application_number_counters WHERE township_code = '431102002'`,
    );
    const start = counter[0]?.last_value ?? 0;
    const taken = await created(applicationBody({ townshipCode: '431102002' }), 'op-c');
    const takenIds = idNumbersOf(taken);
    const good = Array.from({ length: 50 }, () =>
      create(applicationBody({ townshipCode: '431102002' }), 'op-c'),
    );
    const refused = Array.from({ length: 10 }, () => {
      const body = applicationBody({ townshipCode: '431102002' });
      member(body, 0).idNumber = takenIds[0];
      return create(body, 'op-c');
    });
    const replies = await Promise.all([...good, ...refused]);
    expect(replies.slice(0, 50).every((r) => r.status === 201)).toBe(true);
    expect(replies.slice(50).every((r) => r.status === 409)).toBe(true);
    const numbers = [taken, ...replies.slice(0, 50).map((r) => r.body)].map((v) =>
      Number(v.number.slice(-6)),
    );
    expect(numbers.sort((a, b) => a - b)).toEqual(Array.from({ length: 51 }, (_, i) => start + 1 + i));
    const year = today.slice(0, 4);
    expect(taken.number.startsWith(`431102002-${year}-`)).toBe(true);
  }, 60_000);

  describe('authorisations', () => {
    it('moves AWAITING_AUTHORIZATION ↔ VERIFYING with a run, a command and an event each time', async () => {
      const app = await created(
        applicationBody({
          members: [memberBody(), memberBody({ name: '李四', relation: 'SPOUSE', authorization: null })],
        }),
      );
      const spouse = app.members[1]!;
      const url = `/api/v1/applications/${app.id}/members/${spouse.id}/authorization`;
      const auth = { signedAt: today, signer: 'SELF', documentRef: 'AUTH-SPOUSE-1' };

      const bad = await http.call<ErrorBody>('PUT', url, {
        token: tokens['op-a'],
        body: { signedAt: tomorrow, signer: 'ME', extra: 1 },
      });
      expect(bad.status).toBe(400);
      expect(pathsOf(bad)).toEqual(['documentRef', 'extra', 'signedAt', 'signer']);

      const put = await http.call<View>('PUT', url, { token: tokens['op-a'], body: auth });
      expect(put.status).toBe(200);
      expect(put.body).toMatchObject({ status: 'VERIFYING', version: 2 });
      expect(put.body.members[1]!.authorization).toEqual(auth);
      expect(await runsOf(app.id)).toEqual(['RUNNING']);

      const del = await http.call<View>('DELETE', url, { token: tokens['op-a'] });
      expect(del.status).toBe(200);
      expect(del.body).toMatchObject({ status: 'AWAITING_AUTHORIZATION', version: 3 });
      expect(del.body.members[1]!.authorization).toBeNull();
      expect(await runsOf(app.id)).toEqual(['CANCELLED']);

      const again = await http.call<View>('PUT', url, { token: tokens['op-a'], body: auth });
      expect(again.body).toMatchObject({ status: 'VERIFYING', version: 4 });
      expect(await runsOf(app.id)).toEqual(['CANCELLED', 'RUNNING']);

      const events = await db.query<{ type: string; authorized: boolean; status: string }>(
        `SELECT type, (payload->'data'->>'authorized')::boolean AS authorized, payload->'data'->>'status' AS status
           FROM outbox_messages WHERE kind = 'EVENT' AND payload->>'subject' = $1 ORDER BY seq`,
        [app.id],
      );
      expect(events).toEqual([
        { type: 'application.submitted', authorized: null, status: 'AWAITING_AUTHORIZATION' },
        { type: 'application.authorization-changed', authorized: true, status: 'VERIFYING' },
        { type: 'application.authorization-changed', authorized: false, status: 'AWAITING_AUTHORIZATION' },
        { type: 'application.authorization-changed', authorized: true, status: 'VERIFYING' },
      ]);
      const commands = await db.query(
        `SELECT count(*)::int AS n FROM outbox_messages o JOIN verification_runs r ON o.payload->>'runId' = r.id::text
          WHERE o.kind = 'COMMAND' AND r.application_id = $1`,
        [app.id],
      );
      expect(commands).toEqual([{ n: 2 }]);
      const audit = await db.query<{ action: string }>(
        'SELECT action FROM audit_entries WHERE application_id = $1 ORDER BY seq',
        [app.id],
      );
      expect(audit.map((a) => a.action)).toEqual([
        'application.created',
        'application.authorization-recorded',
        'application.authorization-revoked',
        'application.authorization-recorded',
      ]);
    });

    it('refuses a minor’s own signature, unknown members, other roles, and terminal applications', async () => {
      const app = await created(
        applicationBody({
          members: [
            memberBody(),
            memberBody({
              name: '张小',
              relation: 'CHILD',
              idNumber: uniqueIdNumber(birthDateYearsAgo(12)),
              authorization: null,
            }),
          ],
        }),
      );
      const child = app.members[1]!;
      const url = `/api/v1/applications/${app.id}/members/${child.id}/authorization`;
      const minor = await http.call<ErrorBody>('PUT', url, {
        token: tokens['op-a'],
        body: { signedAt: today, signer: 'SELF', documentRef: 'AUTH-CHILD' },
      });
      expect(minor.status).toBe(400);
      expect(pathsOf(minor)).toEqual(['signer']);

      const unknown = await http.call<ErrorBody>(
        'PUT',
        `/api/v1/applications/${app.id}/members/${app.id}/authorization`,
        { token: tokens['op-a'], body: { signedAt: today, signer: 'GUARDIAN', documentRef: 'A' } },
      );
      expect(unknown.status).toBe(404);

      const reviewer = await http.call<ErrorBody>('DELETE', url, { token: tokens['rev-a'] });
      expect(reviewer.status).toBe(403);

      await http.call('POST', `/api/v1/applications/${app.id}/withdraw`, {
        token: tokens['op-a'],
        body: { reason: 'no longer needed' },
      });
      const late = await http.call<ErrorBody>('PUT', url, {
        token: tokens['op-a'],
        body: { signedAt: today, signer: 'GUARDIAN', documentRef: 'A' },
      });
      expect(late.status).toBe(409);
      expect(late.body.code).toBe('INVALID_TRANSITION');
    });
  });

  describe('scope', () => {
    it('answers 404 to another township’s operator for every route, and audits each attempt', async () => {
      const app = await created();
      const memberUrl = `/api/v1/applications/${app.id}/members/${app.members[1]!.id}/authorization`;
      const seq = await db.lastAuditSeq();
      const attempts: Reply[] = [
        await http.call('GET', `/api/v1/applications/${app.id}`, { token: tokens['op-b'] }),
        await http.call('GET', `/api/v1/applications/${app.id}`, { token: tokens['op-c'] }),
        await http.call('PUT', memberUrl, {
          token: tokens['op-b'],
          body: { signedAt: today, signer: 'SELF', documentRef: 'X' },
        }),
        await http.call('DELETE', memberUrl, { token: tokens['op-b'] }),
        await http.call('POST', `/api/v1/applications/${app.id}/withdraw`, {
          token: tokens['op-b'],
          body: { reason: 'not mine' },
        }),
      ];
      expect(attempts.map((r) => r.status)).toEqual([404, 404, 404, 404, 404]);
      expect(attempts.map((r) => r.body.code)).toEqual(Array.from({ length: 5 }, () => 'NOT_FOUND'));
      // An unknown id answers exactly like a hidden one.
      const missing = await http.call('GET', `/api/v1/applications/${crypto.randomUUID()}`, {
        token: tokens['op-b'],
      });
      expect(missing.status).toBe(404);
      expect(missing.body.message).toBe(attempts[0]!.body.message);
      expect(await db.auditActionsAfter(seq)).toEqual(Array.from({ length: 5 }, () => 'access.denied'));
      const [current] = await db.query<{ status: string; version: number }>(
        'SELECT status, version FROM applications WHERE id = $1',
        [app.id],
      );
      expect(current).toEqual({ status: 'VERIFYING', version: 1 });

      expect(
        (await http.call('GET', `/api/v1/applications/${app.id}`, { token: tokens['officer-431102'] }))
          .status,
      ).toBe(200);
      expect((await http.call('GET', `/api/v1/applications/${app.id}`, { token: tokens.sup })).status).toBe(
        200,
      );
      expect(
        (await http.call('GET', '/api/v1/applications/not-a-uuid', { token: tokens['op-a'] })).status,
      ).toBe(400);
    });
  });

  describe('withdraw', () => {
    it('withdraws from a non-terminal status once; the event has no free text, the audit keeps the reason', async () => {
      const app = await created();
      const url = `/api/v1/applications/${app.id}/withdraw`;
      expect((await http.call<ErrorBody>('POST', url, { token: tokens['op-a'], body: {} })).status).toBe(400);
      const reply = await http.call<View>('POST', url, {
        token: tokens['op-a'],
        body: { reason: '申请人张三搬离本街道' },
      });
      expect(reply.status).toBe(200);
      expect(reply.body).toMatchObject({ status: 'WITHDRAWN', version: 2 });
      expect(await runsOf(app.id)).toEqual(['CANCELLED']);
      const again = await http.call<ErrorBody>('POST', url, {
        token: tokens['op-a'],
        body: { reason: 'again' },
      });
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('INVALID_TRANSITION');
      expect(again.body.message).toContain('WITHDRAWN');

      const [event] = await db.query<{ data: Record<string, unknown> }>(
        `SELECT payload->'data' AS data FROM outbox_messages WHERE type = 'application.withdrawn' AND payload->>'subject' = $1`,
        [app.id],
      );
      expect(event?.data).toEqual({
        applicationId: app.id,
        number: app.number,
        programme: 'DIBAO',
        status: 'WITHDRAWN',
        townshipCode: '431102001',
        countyCode: '431102',
      });
      const [audit] = await db.query<{ detail: Record<string, unknown> }>(
        `SELECT detail FROM audit_entries WHERE action = 'application.withdrawn' AND application_id = $1`,
        [app.id],
      );
      expect(audit?.detail).toMatchObject({
        from: 'VERIFYING',
        to: 'WITHDRAWN',
        reason: '申请人张三搬离本街道',
      });
    });
  });

  it('detects a concurrent change (optimistic version) with 409 and loses no update', async () => {
    const app = await created(
      applicationBody({
        members: [memberBody(), memberBody({ name: '李四', relation: 'SPOUSE', authorization: null })],
      }),
    );
    const url = `/api/v1/applications/${app.id}/members/${app.members[1]!.id}/authorization`;
    const locker = await DbProbe.connect(api.db.url);
    try {
      // Someone else holds the row: the request reads version 1, then waits for the row to write version 2.
      await locker.query('BEGIN');
      await locker.query('SELECT 1 FROM applications WHERE id = $1 FOR UPDATE', [app.id]);
      const pending = http.call<ErrorBody>('PUT', url, {
        token: tokens['op-a'],
        body: { signedAt: today, signer: 'SELF', documentRef: 'AUTH-RACE' },
      });
      await eventually(
        async () =>
          (
            await locker.query(
              `SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
            )
          ).length > 0,
        10_000,
        'the request waiting for the row',
      );
      await locker.query('UPDATE applications SET version = version + 1, updated_at = now() WHERE id = $1', [
        app.id,
      ]);
      await locker.query('COMMIT');
      const reply = await pending;
      expect(reply.status).toBe(409);
      expect(reply.body.code).toBe('VERSION_CONFLICT');
    } finally {
      await locker.close();
    }
    const [row] = await db.query<{ status: string; version: number }>(
      'SELECT status, version FROM applications WHERE id = $1',
      [app.id],
    );
    expect(row).toEqual({ status: 'AWAITING_AUTHORIZATION', version: 2 });
    const [spouse] = await db.query<{ authorization: unknown }>(
      `SELECT "authorization" FROM application_members WHERE id = $1`,
      [app.members[1]!.id],
    );
    expect(spouse?.authorization).toBeNull();
    expect(await runsOf(app.id)).toEqual([]);
  });

  describe('list and detail', () => {
    it('lists newest first with filters and paging, inside the caller’s scope only', async () => {
      const names = ['周一', '周二', '周三', '周四', '周五'];
      const made: View[] = [];
      for (const [i, name] of names.entries()) {
        const body = applicationBody({
          programme: i % 2 === 0 ? 'EDGE' : 'TEKUN',
          townshipCode: '431102002',
        });
        member(body, 0).name = name;
        made.push(await created(body, 'op-c'));
      }
      type Page = { items: { id: string; number: string; applicantName: string }[]; total: number };
      const list = (as: string, query: string) =>
        http.call<Page & ErrorBody>('GET', `/api/v1/applications?${query}`, { token: tokens[as] });

      const edge = await list('op-c', 'programme=EDGE&pageSize=100');
      expect(edge.status).toBe(200);
      expect(edge.body.items.map((i) => i.id)).toEqual([made[4]!.id, made[2]!.id, made[0]!.id]);
      expect(edge.body.total).toBe(3);

      const paged = await list('op-c', 'programme=TEKUN&page=2&pageSize=1');
      expect(paged.body).toMatchObject({ total: 2, page: 2, pageSize: 1 });
      expect(paged.body.items.map((i) => i.id)).toEqual([made[1]!.id]);

      const byName = await list('officer-431102', 'q=周三');
      expect(byName.body.items.map((i) => i.id)).toEqual([made[2]!.id]);
      expect(byName.body.items[0]!.applicantName).toBe('周三');
      const byNumber = await list('sup', `q=${made[3]!.number}`);
      expect(byNumber.body.items.map((i) => i.id)).toEqual([made[3]!.id]);

      const verifying = await list('op-c', 'status=VERIFYING&areaCode=431102002&pageSize=100');
      expect(verifying.body.items.map((i) => i.id)).toEqual(expect.arrayContaining(made.map((m) => m.id)));
      expect((await list('op-c', 'status=APPROVED')).body.total).toBe(0);

      expect((await list('op-b', 'q=周')).body.total).toBe(0);
      expect((await list('op-a', 'areaCode=431102002')).body.total).toBe(0);
      const bad = await list('op-c', 'pageSize=101&status=DONE&page=0');
      expect(bad.status).toBe(400);
      expect(pathsOf(bad)).toEqual(['page', 'pageSize', 'status']);
    });

    it('shows the detail masked and writes one application.viewed entry per read', async () => {
      const body = applicationBody();
      const app = await created(body);
      for (const as of ['op-a', 'officer-431102', 'sup']) {
        const reply = await http.call<View>('GET', `/api/v1/applications/${app.id}`, { token: tokens[as] });
        expect(reply.status).toBe(200);
        const text = JSON.stringify(reply.body);
        for (const m of body.members) expect(text).not.toContain(m.idNumber as string);
        expect(validIdNumbersIn(text)).toEqual([]);
        expect(reply.body.members.map((m) => m.idNumberMasked)).toEqual(
          body.members.map((m) => {
            const id = m.idNumber as string;
            return `${id.slice(0, 6)}********${id.slice(14)}`;
          }),
        );
      }
      const views = await db.query<{ actor_username: string }>(
        `SELECT actor_username FROM audit_entries WHERE action = 'application.viewed' AND application_id = $1 ORDER BY seq`,
        [app.id],
      );
      expect(views.map((v) => v.actor_username)).toEqual(['op-a', 'officer-431102', 'sup']);
    });
  });

  async function runsOf(applicationId: string): Promise<string[]> {
    const rows = await db.query<{ status: string }>(
      'SELECT status FROM verification_runs WHERE application_id = $1 ORDER BY started_at',
      [applicationId],
    );
    return rows.map((r) => r.status);
  }
});
