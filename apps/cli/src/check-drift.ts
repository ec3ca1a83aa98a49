import { loadConfig } from '@app/config';
import { migrate, pendingSchemaChanges } from '@app/database';

/** CI: fails when the entities need schema changes that no migration makes. */
async function main(): Promise<void> {
  const config = loadConfig();
  await migrate(config.databaseMigrationUrl, config.databaseUrl);
  const pending = await pendingSchemaChanges(config.databaseUrl);
  if (pending.length > 0) {
    process.stderr.write(
      `Entities and migrations have drifted; missing:\n${pending.map((q) => `  ${q};`).join('\n')}\n`,
    );
    process.exit(1);
  }
  process.stdout.write('No drift between entities and migrations.\n');
}

main().catch((error: unknown) => {
  process.stderr.write(`drift check failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
