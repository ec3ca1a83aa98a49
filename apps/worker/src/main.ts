import 'reflect-metadata';
import { appConfig, type AppConfigType } from '@app/config';
import { createHttpApp } from '@app/platform';
import { WorkerModule } from './worker.module';

async function bootstrap(): Promise<void> {
  const app = await createHttpApp(WorkerModule, { title: 'HEV worker' });
  const config = app.get<AppConfigType>(appConfig.KEY);
  await app.listen(config.workerPort, '0.0.0.0');
}

void bootstrap().catch((error: unknown) => {
  process.stderr.write(`worker failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
