import { Inject, Injectable, Logger } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { randomBytes } from 'node:crypto';
import { hash, verify } from 'argon2';
import { areaLevelOf, AreaLevel, cityOf } from '@app/areas';
import { AuditService, ANONYMOUS_ACTOR } from '@app/audit';
import { DomainError, ErrorCode } from '@app/common';
import { appConfig, type AppConfigType } from '@app/config';
import type { AuthUser } from './auth-user';
import { HashCheckLimiter, LoginThrottle } from './login-throttle';
import { TokenStateCache } from './token-state.cache';
import type { User } from './user.entity';
import type { Role } from './role';
import { PLATFORM_CITY, UsersService } from './users.service';

export interface LoginResult {
  accessToken: string;
  tokenType: 'Bearer';
  expiresIn: number;
  user: { id: string; username: string; roles: Role[]; areaCode: string };
}

/** Claims of the platform's access token: who the caller is and the user's token version (SPEC 2.3). */
interface AccessTokenClaims {
  sub: string;
  username: string;
  roles: Role[];
  areaCode: string;
  /** The user's `tokenVersion` when the token was issued; a bump revokes the token. */
  ver: number;
}

/** Verified against when the username is unknown, so a miss costs as much time as a wrong password. */
let dummyHash: Promise<string> | undefined;
function timingDummy(): Promise<string> {
  dummyHash ??= hash(randomBytes(16).toString('hex'));
  return dummyHash;
}

@Injectable()
export class AuthService {
  private readonly logger = new Logger(AuthService.name);
  private readonly hashChecks: HashCheckLimiter;

  constructor(
    private readonly users: UsersService,
    private readonly jwt: JwtService,
    private readonly throttle: LoginThrottle,
    private readonly audit: AuditService,
    private readonly tokenStates: TokenStateCache,
    @Inject(appConfig.KEY) private readonly config: AppConfigType,
  ) {
    this.hashChecks = new HashCheckLimiter(config.login.hashConcurrency);
  }

  /** Password hashes checked by this process (each one passed the throttle first); for tests and metrics. */
  hashChecksMade = 0;

  /**
   * SPEC 2.3 login: 200 with a bearer token, 401 on wrong credentials or an inactive user, 429 once the username or
   * the address has used up its attempts. The attempt is counted before the hash is checked, so simultaneous
   * attempts cannot get past the limit.
   */
  async login(username: string, password: string, ip: string): Promise<LoginResult> {
    const attempt = await this.throttle.attempt(username, ip);
    if (attempt.retryAfterSeconds > 0) {
      if (attempt.firstRefusal) {
        const user = await this.users.findByUsername(username);
        await this.audit.appendInOwnTransaction({
          action: 'auth.login.throttled',
          actor: user
            ? { userId: user.id, username: user.username, role: null, areaCode: user.areaCode }
            : { ...ANONYMOUS_ACTOR, username },
          areaCode: user?.areaCode ?? PLATFORM_CITY,
          detail: { retryAfterSeconds: attempt.retryAfterSeconds },
          ip,
        });
      }
      throw tooManyAttempts(attempt.retryAfterSeconds);
    }
    const user = await this.users.findByUsername(username);
    const valid = await this.checkPassword(user?.passwordHash ?? null, password);
    if (!user || !valid || !user.active) {
      await this.audit.appendInOwnTransaction({
        action: 'auth.login.failed',
        actor: user
          ? { userId: user.id, username: user.username, role: null, areaCode: user.areaCode }
          : { ...ANONYMOUS_ACTOR, username },
        areaCode: user?.areaCode ?? PLATFORM_CITY,
        detail: { reason: !user ? 'unknown username' : !valid ? 'wrong password' : 'user inactive' },
        ip,
      });
      throw new DomainError(ErrorCode.INVALID_CREDENTIALS, 'Wrong username or password');
    }
    await this.throttle.succeeded(username, ip);
    const accessToken = await this.issueToken(user);
    await this.audit.appendInOwnTransaction({
      action: 'auth.login.succeeded',
      actor: { userId: user.id, username: user.username, role: null, areaCode: user.areaCode },
      areaCode: user.areaCode,
      detail: {},
      ip,
    });
    return {
      accessToken,
      tokenType: 'Bearer',
      expiresIn: this.config.jwt.expiresInSeconds,
      user: { id: user.id, username: user.username, roles: user.roles, areaCode: user.areaCode },
    };
  }

  /**
   * SPEC 2.3 `POST /api/v1/me/password`: the current password is checked like a login (throttled, counted), then
   * the new one is set and every token of the user is revoked.
   */
  async changeOwnPassword(
    caller: AuthUser,
    currentPassword: string,
    newPassword: string,
    ip: string,
  ): Promise<void> {
    const attempt = await this.throttle.attempt(caller.username, ip);
    if (attempt.retryAfterSeconds > 0) throw tooManyAttempts(attempt.retryAfterSeconds);
    const user = await this.users.findById(caller.id);
    if (!user) throw new DomainError(ErrorCode.UNAUTHENTICATED, 'Invalid or expired token');
    if (!(await this.checkPassword(user.passwordHash, currentPassword)))
      throw DomainError.validation([{ path: 'currentPassword', message: 'currentPassword is wrong' }]);
    await this.throttle.succeeded(caller.username, ip);
    await this.users.setPassword(caller, user.id, newPassword, 'user.password-changed', ip);
  }

  /** SPEC 2.3 `POST /api/v1/auth/logout`: every token of the caller stops working. */
  async logout(caller: AuthUser, ip: string): Promise<void> {
    await this.users.revokeTokens(caller, ip);
  }

  /** The caller behind a bearer token, or null when it is missing, forged, expired or revoked, or the user inactive. */
  async authenticate(token: string): Promise<AuthUser | null> {
    let claims: AccessTokenClaims;
    try {
      claims = await this.jwt.verifyAsync<AccessTokenClaims>(token);
    } catch {
      return null;
    }
    if (typeof claims.sub !== 'string' || typeof claims.ver !== 'number') return null;
    const state = await this.tokenStates.get(claims.sub);
    if (!state || !state.active || state.tokenVersion !== claims.ver) return null;
    const areaLevel = areaLevelOf(state.areaCode);
    if (!areaLevel || cityOf(state.areaCode) !== PLATFORM_CITY) return null;
    return {
      id: claims.sub,
      username: state.username,
      roles: state.roles,
      areaCode: state.areaCode,
      areaLevel: areaLevel ?? AreaLevel.CITY,
    };
  }

  /** An access token for `user` at its current token version. */
  issueToken(user: Pick<User, 'id' | 'username' | 'roles' | 'areaCode' | 'tokenVersion'>): Promise<string> {
    const claims: AccessTokenClaims = {
      sub: user.id,
      username: user.username,
      roles: user.roles,
      areaCode: user.areaCode,
      ver: user.tokenVersion,
    };
    return this.jwt.signAsync(claims, { expiresIn: this.config.jwt.expiresInSeconds });
  }

  /** argon2 verification under the process-wide cap; a full line answers 429 rather than queueing for ever. */
  private async checkPassword(passwordHash: string | null, password: string): Promise<boolean> {
    const result = await this.hashChecks.run(async () => {
      this.hashChecksMade++;
      return verify(passwordHash ?? (await timingDummy()), password).catch(() => false);
    });
    if (result === null) {
      this.logger.warn('Password checks are saturated; refusing a login attempt');
      throw tooManyAttempts(1);
    }
    return result && passwordHash !== null;
  }
}

function tooManyAttempts(retryAfterSeconds: number): DomainError {
  return new DomainError(ErrorCode.TOO_MANY_REQUESTS, 'Too many failed logins; try again later', undefined, {
    retryAfterSeconds,
  });
}
