import { DataSource } from 'typeorm';
import { Role, TokenStateCache, UsersService, type NewUser } from '@app/access';
import { AuditService } from '@app/audit';
import { loadConfig } from '@app/config';
import { dataSourceOptions } from '@app/database';
import { seedDemoBeneficiaries } from './seed-beneficiaries';

/** The demo password of every seeded user (development only; README "Demo logins"). */
export const DEMO_PASSWORD = 'demo-password-2026';

/** Two counties (零陵区, 冷水滩区), one township in each, and the city: every role of SPEC 2.2 at least once. */
export const DEMO_USERS: Omit<NewUser, 'password'>[] = [
  {
    username: 'op-431102001',
    displayName: '朝阳街道核对站 操作员',
    roles: [Role.STATION_OPERATOR],
    areaCode: '431102001',
  },
  {
    username: 'rev-431102001',
    displayName: '朝阳街道 审核员',
    roles: [Role.TOWNSHIP_REVIEWER],
    areaCode: '431102001',
  },
  {
    username: 'int-431102001',
    displayName: '朝阳街道 接口账号',
    roles: [Role.INTEGRATION],
    areaCode: '431102001',
  },
  {
    username: 'op-431103001',
    displayName: '梅湾街道核对站 操作员',
    roles: [Role.STATION_OPERATOR, Role.TOWNSHIP_REVIEWER],
    areaCode: '431103001',
  },
  {
    username: 'officer-431102',
    displayName: '零陵区核对中心',
    roles: [Role.VERIFICATION_OFFICER],
    areaCode: '431102',
  },
  {
    username: 'approver-431102',
    displayName: '零陵区民政局 审核确认',
    roles: [Role.COUNTY_APPROVER],
    areaCode: '431102',
  },
  { username: 'auditor-431102', displayName: '零陵区 审计', roles: [Role.AUDITOR], areaCode: '431102' },
  {
    username: 'officer-431103',
    displayName: '冷水滩区核对中心',
    roles: [Role.VERIFICATION_OFFICER, Role.COUNTY_APPROVER],
    areaCode: '431103',
  },
  {
    username: 'supervisor-431100',
    displayName: '永州市民政局 督查',
    roles: [Role.CITY_SUPERVISOR],
    areaCode: '431100',
  },
  { username: 'auditor-431100', displayName: '永州市 审计', roles: [Role.AUDITOR], areaCode: '431100' },
];

/** `npm run seed:demo`: idempotent; existing usernames are left as they are. */
async function main(): Promise<void> {
  const config = loadConfig();
  // SPEC 2.3: known passwords have no place in production.
  if (config.env === 'production')
    throw new Error('seed:demo creates accounts with a published password and refuses to run in production');
  const dataSource = await new DataSource(dataSourceOptions(config.databaseUrl, 2)).initialize();
  try {
    const users = new UsersService(
      dataSource,
      new AuditService(dataSource, config),
      new TokenStateCache(dataSource, config),
    );
    await users.ensureAdministrator(config.admin.username, config.admin.password);
    let created = 0;
    for (const user of DEMO_USERS) {
      if (await users.findByUsername(user.username)) continue;
      await users.create(null, { ...user, password: DEMO_PASSWORD });
      created++;
    }
    process.stdout.write(
      [
        `Demo users: ${created} created, ${DEMO_USERS.length - created} already present (password ${DEMO_PASSWORD}):`,
        ...DEMO_USERS.map((u) => `  ${u.username.padEnd(18)} ${u.roles.join('+').padEnd(40)} ${u.areaCode}`),
        '',
      ].join('\n'),
    );
  } finally {
    await dataSource.destroy();
  }
  // SPEC 11 demo households (one with a review due, one in gradual exit), in a function of their own.
  process.stdout.write(['Demo beneficiary households:', ...(await seedDemoBeneficiaries()), ''].join('\n'));
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`seed:demo failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
