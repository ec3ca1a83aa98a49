import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { appConfig, type AppConfigType } from '@app/config';
import { dataSourceOptions } from './data-source-options';
import { RuntimeRoleCheck } from './runtime-role.check';

@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [appConfig.KEY],
      useFactory: (config: AppConfigType) => ({
        ...dataSourceOptions(
          config.databaseUrl,
          config.databasePool.size,
          config.databasePool.waitMs,
          config.databaseTimeouts,
        ),
        retryAttempts: 3,
      }),
    }),
  ],
  providers: [RuntimeRoleCheck],
  exports: [TypeOrmModule],
})
export class DatabaseModule {}
