import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { appConfig, type AppConfigType } from '@app/config';
import { DEFAULT_JOB_OPTIONS } from './job-options';
import { QueueName } from './queue-names';
import { workerConnection } from './redis-connection';

/** BullMQ on Redis with the deployment's prefix; registers every fixed queue of the platform. */
@Module({
  imports: [
    BullModule.forRootAsync({
      inject: [appConfig.KEY],
      useFactory: (config: AppConfigType) => ({
        connection: workerConnection(config.redisUrl),
        prefix: config.queuePrefix,
        defaultJobOptions: DEFAULT_JOB_OPTIONS,
      }),
    }),
    BullModule.registerQueue(...Object.values(QueueName).map((name) => ({ name }))),
  ],
  exports: [BullModule],
})
export class QueueModule {}
