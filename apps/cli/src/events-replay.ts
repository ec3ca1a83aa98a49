import { DataSource } from 'typeorm';
import { loadConfig } from '@app/config';
import { dataSourceOptions } from '@app/database';
import { EventsReplayUsageError, parseEventsReplayArgs, replayEvents } from '@app/events';

/** `npm run events:replay -- --since <ISO instant> [--subscriber <name>]`: the recovery step after a Redis loss. */
async function main(): Promise<void> {
  const args = parseEventsReplayArgs(process.argv.slice(2));
  const config = loadConfig();
  const dataSource = await new DataSource({
    ...dataSourceOptions(config.databaseUrl, 2),
    entities: [],
  }).initialize();
  try {
    const { events, subscribers } = await replayEvents(dataSource, config, args);
    process.stdout.write(
      `Re-published ${events} event(s) since ${args.since.toISOString()} to ${subscribers.join(', ')}.\n`,
    );
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  const prefix = error instanceof EventsReplayUsageError ? 'events:replay: ' : 'events:replay failed: ';
  process.stderr.write(`${prefix}${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = error instanceof EventsReplayUsageError ? 2 : 1;
});
