import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { appConfig, type AppConfigType } from '@app/config';
import { runtimeRoleProblems } from './database-roles';

/**
 * SPEC 8: in production the api and the worker refuse to start as a superuser or as the owner of the audit table
 * (either could switch the append-only protection off). Development may run as `postgres` (README).
 */
@Injectable()
export class RuntimeRoleCheck implements OnApplicationBootstrap {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(appConfig.KEY) private readonly config: AppConfigType,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.env !== 'production') return;
    const problems = await runtimeRoleProblems((sql) => this.dataSource.query(sql));
    if (problems.length > 0)
      throw new Error(
        `Refusing to start: ${problems.join('; ')}. Set DATABASE_URL to the runtime role and ` +
          'DATABASE_MIGRATION_URL to the owner role (docs/security.md).',
      );
  }
}
