import 'reflect-metadata';
import { appConfig, type AppConfigType } from '@app/config';
import { createHttpApp } from '@app/platform';
import { MockSourcesModule } from './mock-sources.module';

async function bootstrap(): Promise<void> {
  const app = await createHttpApp(MockSourcesModule, { title: 'Mocked departments' });
  const config = app.get<AppConfigType>(appConfig.KEY);
  await app.listen(config.mockSourcesPort, '0.0.0.0');
}

void bootstrap().catch((error: unknown) => {
  process.stderr.write(
    `mock-sources failed to start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
