import 'reflect-metadata';
import { join } from 'node:path';
import { appConfig, type AppConfigType } from '@app/config';
import { createHttpApp } from '@app/platform';
import { AppModule } from './app.module';

async function bootstrap(): Promise<void> {
  const app = await createHttpApp(AppModule, {
    title: 'HEV platform API',
    openApi: true,
    // dist/apps/api/src/main.js → dist/console
    consoleRoot: join(__dirname, '..', '..', '..', 'console'),
  });
  const config = app.get<AppConfigType>(appConfig.KEY);
  await app.listen(config.port, '0.0.0.0');
}

void bootstrap().catch((error: unknown) => {
  // Configuration errors list every problem; anything else is a crash at boot.
  process.stderr.write(`api failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
