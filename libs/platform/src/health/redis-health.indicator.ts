import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { Redis } from 'ioredis';
import { appConfig, type AppConfigType } from '@app/config';

/** Pings Redis on a dedicated connection that fails fast instead of queueing while Redis is away. */
@Injectable()
export class RedisHealthIndicator implements OnApplicationShutdown {
  private readonly client: Redis;

  constructor(
    @Inject(appConfig.KEY) config: AppConfigType,
    private readonly indicators: HealthIndicatorService,
  ) {
    this.client = new Redis(config.redisUrl, {
      lazyConnect: true,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      connectTimeout: 1000,
      retryStrategy: (attempt) => Math.min(attempt * 200, 1000),
    });
    this.client.on('error', () => undefined); // reported through the health check, not as crashes
  }

  check(key: string) {
    return this.indicators
      .check(key)
      .attempt(async () => {
        if (this.client.status === 'wait') await this.client.connect();
        await this.client.ping();
      })
      .withTimeout(1500);
  }

  onApplicationShutdown(): void {
    this.client.disconnect();
  }
}
