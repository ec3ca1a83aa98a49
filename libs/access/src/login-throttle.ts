import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { Redis } from 'ioredis';
import { appConfig, type AppConfigType } from '@app/config';
import { producerConnection } from '@app/queue';

/** Failed logins from one client address, per username allowed: an address may mistype several accounts. */
export const IP_FAILURES_PER_USERNAME_FAILURE = 4;

/**
 * One attempt, counted before the password is checked: `INCR` on the username's and the address's counters in one
 * round trip, so N simultaneous attempts get N distinct counts and at most `LOGIN_MAX_FAILURES` of them are allowed
 * to reach argon2 (SPEC 2.3). Each counter lives for `LOGIN_LOCKOUT` from its first attempt.
 */
const ATTEMPT_SCRIPT = `
local user = redis.call('INCR', KEYS[1])
if user == 1 then redis.call('EXPIRE', KEYS[1], ARGV[1]) end
local ip = redis.call('INCR', KEYS[2])
if ip == 1 then redis.call('EXPIRE', KEYS[2], ARGV[1]) end
local blocked = nil
if user > tonumber(ARGV[2]) then blocked = KEYS[1] elseif ip > tonumber(ARGV[3]) then blocked = KEYS[2] end
if blocked == nil then return {0, 0} end
local ttl = redis.call('TTL', blocked)
local first = redis.call('SET', KEYS[3], '1', 'EX', math.max(ttl, 1), 'NX')
return {math.max(ttl, 1), first and 1 or 0}
`;

export interface LoginAttempt {
  /** Seconds until attempts are accepted again; 0 when this attempt may check the password. */
  retryAfterSeconds: number;
  /** True for the first refused attempt of a lockout window: the one that is audited (no audit flood). */
  firstRefusal: boolean;
}

/**
 * Login throttling in Redis (shared by every api process), keyed by username and by client address. Past either
 * limit an attempt answers 429 at once, without checking the password. A success clears the username's counter and
 * gives the address its attempt back.
 */
@Injectable()
export class LoginThrottle implements OnApplicationShutdown {
  private readonly logger = new Logger(LoginThrottle.name);
  private readonly redis: Redis;
  private readonly prefix: string;
  private readonly maxFailures: number;
  private readonly lockoutSeconds: number;

  constructor(@Inject(appConfig.KEY) config: AppConfigType) {
    this.redis = new Redis({ ...producerConnection(config.redisUrl), lazyConnect: false });
    this.redis.on('error', () => undefined); // surfaced per call below and by /health/ready
    this.prefix = `${config.queuePrefix}:login`;
    this.maxFailures = config.login.maxFailures;
    this.lockoutSeconds = config.login.lockoutSeconds;
  }

  /** Counts an attempt and says whether it may go on to the password check. */
  async attempt(username: string, ip: string): Promise<LoginAttempt> {
    try {
      const [retryAfter, first] = (await this.redis.eval(
        ATTEMPT_SCRIPT,
        3,
        this.userKey(username),
        this.ipKey(ip),
        this.refusedKey(username),
        this.lockoutSeconds,
        this.maxFailures,
        this.maxFailures * IP_FAILURES_PER_USERNAME_FAILURE,
      )) as [number, number];
      return { retryAfterSeconds: retryAfter, firstRefusal: first === 1 };
    } catch (error) {
      // Redis away: logins keep working (availability over throttling); /health/ready reports the outage, and the
      // process-wide cap on concurrent hash checks still bounds the CPU an attacker can take.
      this.logger.warn(`Login throttle unavailable: ${(error as Error).message}`);
      return { retryAfterSeconds: 0, firstRefusal: false };
    }
  }

  /** After a successful login: the username starts afresh, and the address gets its attempt back. */
  async succeeded(username: string, ip: string): Promise<void> {
    await this.redis
      .multi()
      .del(this.userKey(username), this.refusedKey(username))
      .decr(this.ipKey(ip))
      .exec()
      .catch(() => undefined);
  }

  private userKey(username: string): string {
    return `${this.prefix}:user:${username.toLowerCase()}`;
  }

  private refusedKey(username: string): string {
    return `${this.prefix}:refused:${username.toLowerCase()}`;
  }

  private ipKey(ip: string): string {
    return `${this.prefix}:ip:${ip}`;
  }

  onApplicationShutdown(): void {
    this.redis.disconnect();
  }
}

/**
 * A process-wide cap on argon2 verifications in flight: unauthenticated requests cannot take every core. Callers
 * beyond `max` wait in line; beyond `max * 8` waiting they are refused at once.
 */
export class HashCheckLimiter {
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly max: number) {}

  /** Runs `work` when a slot is free; null when the line is full. */
  async run<T>(work: () => Promise<T>): Promise<T | null> {
    if (this.active >= this.max) {
      if (this.waiting.length >= this.max * 8) return null;
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else {
      this.active++;
    }
    try {
      return await work();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.active--;
    }
  }
}
