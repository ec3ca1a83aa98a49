import { randomUUID } from 'node:crypto';
import { register } from 'prom-client';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@app/database';
import { createTestDatabase, type TestDatabase } from '@app/testing';
import { AUDIT_VERIFY_FAILURES_METRIC } from './audit-metrics';
import { AuditService } from './audit.service';

/** The value of the failures counter for one chain (0 when it never counted). */
async function failuresOf(chain: string): Promise<number> {
  const metric = register.getSingleMetric(AUDIT_VERIFY_FAILURES_METRIC);
  const values = (await metric!.get()).values;
  return values.find((v) => v.labels.chain === chain)?.value ?? 0;
}

describe(`${AUDIT_VERIFY_FAILURES_METRIC} (PostgreSQL)`, () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let audit: AuditService;

  beforeAll(async () => {
    db = await createTestDatabase();
    dataSource = await new DataSource({ ...dataSourceOptions(db.url, 4), logging: false }).initialize();
    audit = new AuditService(dataSource);
  });

  afterAll(async () => {
    await dataSource.destroy();
    await db.drop();
  });

  it('is exported before any verification and counts every verification that finds a chain broken', async () => {
    expect(await register.metrics()).toContain(`# TYPE ${AUDIT_VERIFY_FAILURES_METRIC} counter`);
    for (const n of [1, 2, 3])
      await audit.appendInOwnTransaction({
        action: 'application.viewed',
        areaCode: '431125001',
        actor: { userId: randomUUID(), username: 'op', role: 'STATION_OPERATOR', areaCode: '431125001' },
        detail: { n },
        ip: null,
      });
    await audit.verify(['431125']);
    expect(await failuresOf('431125')).toBe(0);

    // An attacker with superuser rights rewrites one entry (the platform's runtime role cannot).
    const superuser = await new DataSource({
      ...dataSourceOptions(db.adminUrl, 1),
      logging: false,
    }).initialize();
    await superuser.transaction(async (tx) => {
      await tx.query('ALTER TABLE audit_entries DISABLE TRIGGER audit_entries_append_only');
      await tx.query(
        `UPDATE audit_entries SET detail = '{"n":9}' WHERE chain = '431125' AND detail->>'n' = '2'`,
      );
      await tx.query('ALTER TABLE audit_entries ENABLE TRIGGER audit_entries_append_only');
    });
    await superuser.destroy();
    expect((await audit.verify(['431125'])).valid).toBe(false);
    expect(await failuresOf('431125')).toBe(1);
    await audit.verify(['431125']);
    expect(await failuresOf('431125')).toBe(2);
  });
});
