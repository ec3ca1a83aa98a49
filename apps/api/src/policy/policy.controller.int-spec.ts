import { randomUUID } from 'node:crypto';
import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { APP_GUARD, Reflector } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Test } from '@nestjs/testing';
import { ROLES_KEY, Role, type AuthUser } from '@app/access';
import { AreaLevel, areaLevelOf } from '@app/areas';
import { DomainError, ErrorCode } from '@app/common';
import { ConfigModule } from '@app/config';
import { DatabaseModule } from '@app/database';
import { YONGZHOU_DEMO_PARAMETERS } from '@app/eligibility';
import { AllExceptionsFilter, createValidationPipe } from '@app/platform';
import { SEEDED_REVIEW_POLICY, YONGZHOU_DEMO_POLICY_VERSION_ID } from '@app/policy';
import { createTestDatabase, type TestDatabase } from '@app/testing';
import { PolicyHttpModule } from './policy-http.module';

/**
 * Stands in for the platform's JWT and roles guards: the caller comes from a test header and the route's @Roles are
 * enforced the same way, so this file checks what the controller itself declares.
 */
@Injectable()
class TestAuthGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<{ headers: Record<string, string>; user?: AuthUser }>();
    const header = request.headers['x-test-user'];
    if (!header) throw new DomainError(ErrorCode.UNAUTHENTICATED, 'No test user');
    request.user = JSON.parse(header) as AuthUser;
    const roles = this.reflector.get<Role[] | undefined>(ROLES_KEY, context.getHandler()) ?? [];
    if (!roles.some((r) => request.user!.roles.includes(r))) throw DomainError.forbidden();
    return true;
  }
}

function user(roles: Role[], areaCode: string): string {
  const level = areaLevelOf(areaCode) ?? AreaLevel.CITY;
  return JSON.stringify({ id: randomUUID(), username: 'u', roles, areaCode, areaLevel: level });
}

const { version: _demoVersion, ...ENGINE_VALUES } = YONGZHOU_DEMO_PARAMETERS;
// SPEC 6.1: the engine's ten parameters and the two of dynamic management (11.2), seeded by their own migration.
const DEMO_VALUES = { ...ENGINE_VALUES, ...SEEDED_REVIEW_POLICY };

describe('policy HTTP routes', () => {
  let db: TestDatabase;
  let app: NestFastifyApplication;
  const admin = user([Role.ADMIN], '431100');
  const station = user([Role.STATION_OPERATOR], '431102001');

  beforeAll(async () => {
    db = await createTestDatabase();
    // The app's own configuration and database modules, pointed at this file's database.
    process.env.DATABASE_URL = db.url;
    const moduleRef = await Test.createTestingModule({
      imports: [ConfigModule, DatabaseModule, PolicyHttpModule],
      providers: [{ provide: APP_GUARD, useClass: TestAuthGuard }],
    }).compile();
    app = moduleRef.createNestApplication<NestFastifyApplication>(new FastifyAdapter());
    app.useGlobalFilters(new AllExceptionsFilter());
    app.useGlobalPipes(createValidationPipe());
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
  }, 30_000);

  afterAll(async () => {
    await app.close();
    await db.drop();
  });

  async function call(method: 'GET' | 'POST', url: string, caller: string, payload?: unknown) {
    const response = await app.inject({
      method,
      url,
      headers: { 'x-test-user': caller },
      ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
    });
    return { status: response.statusCode, body: response.json<Record<string, unknown>>() };
  }

  const paths = (body: Record<string, unknown>) =>
    (body.errors as { path: string }[]).map((e) => e.path).sort();

  it('answers the effective set to a station for its township, county and city', async () => {
    for (const areaCode of ['431102001', '431102', '431100']) {
      const read = await call('GET', `/api/v1/policy/parameters?areaCode=${areaCode}&on=2026-11-23`, station);
      expect(read).toEqual({
        status: 200,
        body: {
          areaCode: '431100',
          effectiveFrom: '2026-01-01',
          legalBasis: expect.stringContaining('DEMONSTRATION DATA'),
          version: YONGZHOU_DEMO_POLICY_VERSION_ID,
          values: DEMO_VALUES,
        },
      });
    }
    expect((await call('GET', '/api/v1/policy/parameters?on=2026-11-23', station)).body.version).toBe(
      YONGZHOU_DEMO_POLICY_VERSION_ID,
    );
  });

  it('hides areas beside the caller’s scope, and dates before every version, behind 404', async () => {
    const beside = await call('GET', '/api/v1/policy/parameters?areaCode=431103&on=2026-11-23', station);
    expect(beside).toMatchObject({
      status: 404,
      body: { code: 'NOT_FOUND', message: 'Policy parameters not found' },
    });
    const early = await call('GET', '/api/v1/policy/parameters?areaCode=431102001&on=2025-12-31', station);
    expect(early).toMatchObject({ status: 404, body: { code: 'NOT_FOUND' } });
  });

  it('validates the query and lists every problem', async () => {
    const bad = await call('GET', '/api/v1/policy/parameters?areaCode=4311&on=tomorrow&extra=1', station);
    expect(bad.status).toBe(400);
    expect(paths(bad.body)).toEqual(['areaCode', 'extra', 'on']);
    const unreal = await call('GET', '/api/v1/policy/parameters?areaCode=431102&on=2026-02-30', station);
    expect(unreal).toMatchObject({ status: 400, body: { errors: [{ path: 'on' }] } });
  });

  it('lets the administrator add a version, which then applies, and refuses a duplicate with 409', async () => {
    const body = {
      areaCode: '431102',
      effectiveFrom: '2026-09-01',
      values: { ...DEMO_VALUES, dibaoStandardUrbanFen: 68000 },
      legalBasis: '零陵区人民政府 零政发〔2026〕7号',
    };
    const added = await call('POST', '/api/v1/policy/parameters', admin, body);
    expect(added).toEqual({
      status: 201,
      body: {
        areaCode: '431102',
        effectiveFrom: '2026-09-01',
        legalBasis: body.legalBasis,
        version: expect.any(String),
        values: body.values,
        createdBy: (JSON.parse(admin) as AuthUser).id,
        createdAt: expect.any(String),
      },
    });
    const read = await call('GET', '/api/v1/policy/parameters?on=2026-11-23', station);
    expect(read.body).toMatchObject({ areaCode: '431102', version: added.body.version, values: body.values });

    const duplicate = await call('POST', '/api/v1/policy/parameters', admin, body);
    expect(duplicate).toMatchObject({ status: 409, body: { code: 'CONFLICT' } });
  });

  it('lists every problem of a bad version, unknown fields included', async () => {
    const bad = await call('POST', '/api/v1/policy/parameters', admin, {
      areaCode: '431102001',
      effectiveFrom: '2026-9-1',
      values: { ...DEMO_VALUES, tekunMultiplier: 11, unknownParameter: 1 },
      legalBasis: 'x'.repeat(501),
      extra: true,
    });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
    expect(paths(bad.body)).toEqual([
      'areaCode',
      'effectiveFrom',
      'extra',
      'legalBasis',
      'values.tekunMultiplier',
      'values.unknownParameter',
    ]);
  });

  it('is the administrator’s alone to add to, and inside the administrator’s scope only', async () => {
    const body = { areaCode: '431103', effectiveFrom: '2026-09-01', values: DEMO_VALUES, legalBasis: 'x' };
    const supervisor = user([Role.CITY_SUPERVISOR], '431100');
    expect((await call('POST', '/api/v1/policy/parameters', supervisor, body)).status).toBe(403);
    const otherCity = await call('POST', '/api/v1/policy/parameters', admin, { ...body, areaCode: '430100' });
    expect(otherCity).toMatchObject({ status: 404, body: { code: 'NOT_FOUND' } });
  });

  it('lists the versions governing an area, newest first, within the caller’s reach', async () => {
    const body = {
      areaCode: '431102',
      effectiveFrom: '2026-10-01',
      values: { ...DEMO_VALUES, dibaoStandardUrbanFen: 69000 },
      legalBasis: '零陵区人民政府 零政发〔2026〕9号',
    };
    expect((await call('POST', '/api/v1/policy/parameters', admin, body)).status).toBe(201);
    const list = await call('GET', '/api/v1/policy/versions?areaCode=431102001', station);
    expect(list.status).toBe(200);
    const items = list.body.items as { areaCode: string; effectiveFrom: string; legalBasis: string }[];
    expect(items.map((v) => [v.areaCode, v.effectiveFrom])).toEqual([
      ['431102', '2026-10-01'],
      ['431102', '2026-09-01'],
      ['431100', '2026-01-01'],
    ]);
    expect(items[0]!.legalBasis).toBe(body.legalBasis);
    // A county beside the station's is neither its scope nor its ancestor; the city's own history is readable.
    expect((await call('GET', '/api/v1/policy/versions?areaCode=431103', station)).status).toBe(404);
    const city = await call('GET', '/api/v1/policy/versions', admin);
    expect((city.body.items as { areaCode: string }[]).map((v) => v.areaCode)).toEqual(['431100']);
    const bad = await call('GET', '/api/v1/policy/versions?areaCode=43', station);
    expect(bad.status).toBe(400);
    expect(paths(bad.body)).toEqual(['areaCode']);
  });

  it('documents both routes in OpenAPI with bearer auth and the shapes', () => {
    const document = SwaggerModule.createDocument(app, new DocumentBuilder().addBearerAuth().build());
    const route = document.paths['/api/v1/policy/parameters'];
    expect(route?.get?.tags).toEqual(['policy']);
    expect(route?.get?.security).toEqual([{ bearer: [] }]);
    expect(route?.get?.parameters?.map((p) => ('name' in p ? p.name : null))).toEqual(['areaCode', 'on']);
    expect(route?.post?.requestBody).toMatchObject({
      content: { 'application/json': { schema: { $ref: '#/components/schemas/AddPolicyVersionDto' } } },
    });
    expect(Object.keys(route?.post?.responses ?? {})).toEqual(expect.arrayContaining(['201', '409']));
    expect(Object.keys(document.components?.schemas ?? {})).toEqual(
      expect.arrayContaining([
        'AddPolicyVersionDto',
        'PolicyValuesDto',
        'EffectivePolicyDto',
        'PolicyVersionDto',
      ]),
    );
  });
});
