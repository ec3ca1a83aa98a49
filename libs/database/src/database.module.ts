import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { appConfig, type AppConfigType } from '@app/config';
import { dataSourceOptions } from './data-source-options';

@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [appConfig.KEY],
      useFactory: (config: AppConfigType) => ({
        ...dataSourceOptions(config.databaseUrl, config.databasePool.size, config.databasePool.waitMs),
        retryAttempts: 3,
      }),
    }),
  ],
  exports: [TypeOrmModule],
})
export class DatabaseModule {}
