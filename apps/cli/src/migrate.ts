import { loadConfig } from '@app/config';
import { migrate } from '@app/database';

/** `npm run migrate`: create the database if needed, apply pending migrations under an advisory lock. */
async function main(): Promise<void> {
  const config = loadConfig();
  const { applied } = await migrate(config.databaseMigrationUrl, config.databaseUrl);
  process.stdout.write(
    applied.length
      ? `Applied ${applied.length} migration(s): ${applied.join(', ')}\n`
      : 'Database is up to date.\n',
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`migrate failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
