import { Module, type DynamicModule, type INestApplicationContext, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ConfigModule } from '@app/config';
import { DatabaseModule } from '@app/database';
import { createTestDatabase, uniqueQueuePrefix, type TestDatabase } from './databases';

export interface LibContext {
  app: INestApplicationContext;
  db: TestDatabase;
  close(): Promise<void>;
}

/**
 * A Nest application context with configuration, a fresh clone of the migrated template database and the given lib
 * modules: for integration tests of lib services without HTTP. Configuration comes from the environment, as in
 * production, with `env` on top.
 */
export async function startLibContext(
  imports: (Type<unknown> | DynamicModule)[],
  env: Record<string, string> = {},
): Promise<LibContext> {
  const db = await createTestDatabase();
  Object.assign(process.env, {
    NODE_ENV: 'test',
    DATABASE_URL: db.url,
    QUEUE_PREFIX: uniqueQueuePrefix(),
    LOG_LEVEL: 'silent',
    ...env,
  });
  @Module({ imports: [ConfigModule, DatabaseModule, ...imports] })
  class LibContextModule {}
  const app = await NestFactory.createApplicationContext(LibContextModule, { logger: false });
  return {
    app,
    db,
    close: async () => {
      await app.close();
      await db.drop();
    },
  };
}
