import { DataSource } from 'typeorm';
import { AuditService, AuditVerifyUsageError, parseAuditVerifyArgs, runAuditVerify } from '@app/audit';
import { loadConfig } from '@app/config';
import { dataSourceOptions } from '@app/database';

/** `npm run audit:verify [-- --chain <code>]`: exit 0 when every chain is intact, 1 on a break, 2 when it cannot run. */
async function main(): Promise<number> {
  const args = parseAuditVerifyArgs(process.argv.slice(2));
  const config = loadConfig();
  const dataSource = await new DataSource(dataSourceOptions(config.databaseUrl, 2)).initialize();
  try {
    const outcome = await runAuditVerify(new AuditService(dataSource, config), args);
    process.stdout.write(`${outcome.lines.join('\n')}\n`);
    return outcome.exitCode;
  } finally {
    await dataSource.destroy();
  }
}

main().then(
  // exitCode rather than exit(): the report on stdout is flushed before the process ends.
  (code) => (process.exitCode = code),
  (error: unknown) => {
    const prefix = error instanceof AuditVerifyUsageError ? 'audit:verify: ' : 'audit:verify failed: ';
    process.stderr.write(`${prefix}${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  },
);
