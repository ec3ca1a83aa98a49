import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { Redis } from 'ioredis';
import { appConfig, type AppConfigType } from '@app/config';
import { producerConnection } from '@app/queue';

/** Failed logins allowed per username, and per client address, inside one window before logins answer 429. */
export const MAX_FAILURES_PER_USERNAME = 5;
export const MAX_FAILURES_PER_IP = 20;
export const FAILURE_WINDOW_SECONDS = 15 * 60;

/**
 * Counts failed logins in Redis (shared by every api process): past the limit, further attempts for that
 * username or from that address are refused with 429 until the window ends, without checking the password.
 */
@Injectable()
export class LoginThrottle implements OnApplicationShutdown {
  private readonly logger = new Logger(LoginThrottle.name);
  private readonly redis: Redis;
  private readonly prefix: string;

  constructor(@Inject(appConfig.KEY) config: AppConfigType) {
    this.redis = new Redis({ ...producerConnection(config.redisUrl), lazyConnect: false });
    this.redis.on('error', () => undefined); // surfaced per call below and by /health/ready
    this.prefix = `${config.queuePrefix}:login-failures`;
  }

  /** Seconds until attempts are accepted again, or 0 when they are accepted now. */
  async blockedFor(username: string, ip: string): Promise<number> {
    try {
      const [byUser, byIp] = await this.redis.mget(this.userKey(username), this.ipKey(ip));
      const blocked =
        Number(byUser ?? 0) >= MAX_FAILURES_PER_USERNAME
          ? this.userKey(username)
          : Number(byIp ?? 0) >= MAX_FAILURES_PER_IP
            ? this.ipKey(ip)
            : null;
      if (!blocked) return 0;
      return Math.max(1, await this.redis.ttl(blocked));
    } catch (error) {
      // Redis away: logins keep working (availability over throttling); /health/ready reports the outage.
      this.logger.warn(`Login throttle unavailable: ${(error as Error).message}`);
      return 0;
    }
  }

  async recordFailure(username: string, ip: string): Promise<void> {
    try {
      await this.redis
        .multi()
        .incr(this.userKey(username))
        .expire(this.userKey(username), FAILURE_WINDOW_SECONDS, 'NX')
        .incr(this.ipKey(ip))
        .expire(this.ipKey(ip), FAILURE_WINDOW_SECONDS, 'NX')
        .exec();
    } catch (error) {
      this.logger.warn(`Login throttle unavailable: ${(error as Error).message}`);
    }
  }

  async clear(username: string): Promise<void> {
    await this.redis.del(this.userKey(username)).catch(() => undefined);
  }

  private userKey(username: string): string {
    return `${this.prefix}:user:${username.toLowerCase()}`;
  }

  private ipKey(ip: string): string {
    return `${this.prefix}:ip:${ip}`;
  }

  onApplicationShutdown(): void {
    this.redis.disconnect();
  }
}
