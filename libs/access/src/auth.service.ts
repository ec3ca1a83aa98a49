import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { randomBytes } from 'node:crypto';
import { hash, verify } from 'argon2';
import { areaLevelOf, AreaLevel, cityOf } from '@app/areas';
import { AuditService, ANONYMOUS_ACTOR } from '@app/audit';
import { DomainError, ErrorCode } from '@app/common';
import { appConfig, type AppConfigType } from '@app/config';
import type { AuthUser } from './auth-user';
import { LoginThrottle } from './login-throttle';
import type { Role } from './role';
import { PLATFORM_CITY, UsersService } from './users.service';

export interface LoginResult {
  accessToken: string;
  tokenType: 'Bearer';
  expiresIn: number;
  user: { id: string; username: string; roles: Role[]; areaCode: string };
}

/** Claims of the platform's access token: the caller's identity, roles and area, so no request reads the users table. */
interface AccessTokenClaims {
  sub: string;
  username: string;
  roles: Role[];
  areaCode: string;
}

/** Verified against when the username is unknown, so a miss costs as much time as a wrong password. */
let dummyHash: Promise<string> | undefined;
function timingDummy(): Promise<string> {
  dummyHash ??= hash(randomBytes(16).toString('hex'));
  return dummyHash;
}

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersService,
    private readonly jwt: JwtService,
    private readonly throttle: LoginThrottle,
    private readonly audit: AuditService,
    @Inject(appConfig.KEY) private readonly config: AppConfigType,
  ) {}

  /** SPEC 2.3 login: 200 with a bearer token, 401 on wrong credentials, 429 after repeated failures. */
  async login(username: string, password: string, ip: string): Promise<LoginResult> {
    const user = await this.users.findByUsername(username);
    const chainArea = user?.areaCode ?? PLATFORM_CITY;
    const retryAfter = await this.throttle.blockedFor(username, ip);
    if (retryAfter > 0) {
      await this.audit.appendInOwnTransaction({
        action: 'auth.login.throttled',
        actor: user
          ? { userId: user.id, username: user.username, role: null, areaCode: user.areaCode }
          : { ...ANONYMOUS_ACTOR, username },
        areaCode: chainArea,
        detail: { retryAfterSeconds: retryAfter },
        ip,
      });
      throw new DomainError(
        ErrorCode.TOO_MANY_REQUESTS,
        'Too many failed logins; try again later',
        undefined,
        {
          retryAfterSeconds: retryAfter,
        },
      );
    }
    const valid = await verify(user?.passwordHash ?? (await timingDummy()), password).catch(() => false);
    if (!user || !valid) {
      await this.throttle.recordFailure(username, ip);
      await this.audit.appendInOwnTransaction({
        action: 'auth.login.failed',
        actor: user
          ? { userId: user.id, username: user.username, role: null, areaCode: user.areaCode }
          : { ...ANONYMOUS_ACTOR, username },
        areaCode: chainArea,
        detail: { reason: user ? 'wrong password' : 'unknown username' },
        ip,
      });
      throw new DomainError(ErrorCode.INVALID_CREDENTIALS, 'Wrong username or password');
    }
    await this.throttle.clear(username);
    const claims: AccessTokenClaims = {
      sub: user.id,
      username: user.username,
      roles: user.roles,
      areaCode: user.areaCode,
    };
    const accessToken = await this.jwt.signAsync(claims, { expiresIn: this.config.jwt.expiresInSeconds });
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

  /** The caller behind a bearer token, or null when the token is missing, forged or expired. */
  async authenticate(token: string): Promise<AuthUser | null> {
    try {
      const claims = await this.jwt.verifyAsync<AccessTokenClaims>(token);
      const areaLevel = areaLevelOf(claims.areaCode);
      if (!areaLevel || cityOf(claims.areaCode) !== PLATFORM_CITY || !Array.isArray(claims.roles))
        return null;
      return {
        id: claims.sub,
        username: claims.username,
        roles: claims.roles,
        areaCode: claims.areaCode,
        areaLevel: areaLevel ?? AreaLevel.CITY,
      };
    } catch {
      return null;
    }
  }
}
