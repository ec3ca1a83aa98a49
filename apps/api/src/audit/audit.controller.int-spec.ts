import { randomUUID } from 'node:crypto';
import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { APP_GUARD, Reflector } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Test } from '@nestjs/testing';
import { AreaLevel, areaLevelOf } from '@app/areas';
import { ROLES_KEY, Role, type AuthUser } from '@app/access';
import { AuditService, type AuditEntryView } from '@app/audit';
import { DomainError, ErrorCode } from '@app/common';
import { ConfigModule } from '@app/config';
import { DatabaseModule } from '@app/database';
import { AllExceptionsFilter, createValidationPipe } from '@app/platform';
import { createTestDatabase, type TestDatabase } from '@app/testing';
import { AuditHttpModule } from './audit-http.module';

/**
 * Stands in for the platform's JWT and roles guards (written elsewhere): the caller comes from a test header and
 * the route's @Roles are enforced the same way, so this file checks what the controller itself declares.
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

describe('audit HTTP routes', () => {
  let db: TestDatabase;
  let app: NestFastifyApplication;
  const applicationId = randomUUID();
  const cityAuditor = user([Role.AUDITOR], '431100');
  const countyAuditor = user([Role.AUDITOR], '431102');

  beforeAll(async () => {
    db = await createTestDatabase();
    // The app's own configuration and database modules, pointed at this file's database.
    process.env.DATABASE_URL = db.url;
    const moduleRef = await Test.createTestingModule({
      imports: [ConfigModule, DatabaseModule, AuditHttpModule],
      providers: [{ provide: APP_GUARD, useClass: TestAuthGuard }],
    }).compile();
    app = moduleRef.createNestApplication<NestFastifyApplication>(new FastifyAdapter());
    app.useGlobalFilters(new AllExceptionsFilter());
    app.useGlobalPipes(createValidationPipe());
    await app.init();
    await app.getHttpAdapter().getInstance().ready();

    const audit = app.get(AuditService);
    const actor = { userId: null, username: 'op', role: 'STATION_OPERATOR', areaCode: '431102001' };
    for (const areaCode of ['431102001', '431102', '431103001', '431100'])
      await audit.appendInOwnTransaction({ action: 'application.viewed', actor, areaCode, applicationId });
  }, 30_000);

  afterAll(async () => {
    await app.close();
    await db.drop();
  });

  async function get(url: string, caller: string) {
    const response = await app.inject({ method: 'GET', url, headers: { 'x-test-user': caller } });
    return { status: response.statusCode, body: response.json<Record<string, unknown>>() };
  }

  it('lists the entries in the caller’s scope, oldest first, paged', async () => {
    const city = await get(`/api/v1/audit?applicationId=${applicationId}&pageSize=3`, cityAuditor);
    expect(city.status).toBe(200);
    expect(city.body).toMatchObject({ total: 4, page: 1, pageSize: 3 });
    expect((city.body.items as AuditEntryView[]).map((i) => i.areaCode)).toEqual([
      '431102001',
      '431102',
      '431103001',
    ]);

    const county = await get(`/api/v1/audit?action=application.viewed&page=1`, countyAuditor);
    expect(county.body).toMatchObject({ total: 2, page: 1, pageSize: 50 });
    const supervisor = await get(
      '/api/v1/audit?actor=op&from=2000-01-01T00:00:00Z',
      user([Role.CITY_SUPERVISOR], '431100'),
    );
    expect(supervisor.body).toMatchObject({ total: 4 });
  });

  it('validates the query and lists every problem', async () => {
    const bad = await get(
      '/api/v1/audit?page=0&pageSize=201&from=yesterday&applicationId=42&extra=1',
      cityAuditor,
    );
    expect(bad.status).toBe(400);
    expect((bad.body.errors as { path: string }[]).map((e) => e.path).sort()).toEqual([
      'applicationId',
      'extra',
      'from',
      'page',
      'pageSize',
    ]);
  });

  it('verifies the chains in the caller’s scope and hides the others', async () => {
    const city = await get('/api/v1/audit/verify', cityAuditor);
    expect(city.status).toBe(200);
    expect(city.body).toMatchObject({
      valid: true,
      chains: [
        { chain: '431100', valid: true, entries: 1 },
        { chain: '431102', valid: true, entries: 2 },
        { chain: '431103', valid: true, entries: 1 },
      ],
    });
    const county = await get('/api/v1/audit/verify', countyAuditor);
    expect((county.body.chains as { chain: string }[]).map((c) => c.chain)).toEqual(['431102']);
    expect((await get('/api/v1/audit/verify?chain=431103', cityAuditor)).status).toBe(200);

    const outside = await get('/api/v1/audit/verify?chain=431103', countyAuditor);
    expect(outside).toMatchObject({
      status: 404,
      body: { code: 'NOT_FOUND', message: 'Audit chain not found' },
    });
    expect((await get('/api/v1/audit/verify?chain=4311', cityAuditor)).status).toBe(400);
  });

  it('is for auditors and city supervisors only', async () => {
    const officer = user([Role.VERIFICATION_OFFICER], '431102');
    expect((await get('/api/v1/audit', officer)).status).toBe(403);
    expect((await get('/api/v1/audit/verify', officer)).status).toBe(403);
  });

  it('documents both routes in OpenAPI with bearer auth and the response shapes', () => {
    const document = SwaggerModule.createDocument(app, new DocumentBuilder().addBearerAuth().build());
    const list = document.paths['/api/v1/audit']?.get;
    const verify = document.paths['/api/v1/audit/verify']?.get;
    expect(list?.tags).toEqual(['audit']);
    expect(list?.security).toEqual([{ bearer: [] }]);
    expect(list?.parameters?.map((p) => ('name' in p ? p.name : null))).toEqual(
      expect.arrayContaining(['applicationId', 'action', 'actor', 'from', 'to', 'page', 'pageSize']),
    );
    expect(verify?.parameters?.map((p) => ('name' in p ? p.name : null))).toEqual(['chain']);
    expect(Object.keys(document.components?.schemas ?? {})).toEqual(
      expect.arrayContaining([
        'AuditPageDto',
        'AuditEntryDto',
        'AuditVerificationDto',
        'ChainVerificationDto',
      ]),
    );
  });
});
