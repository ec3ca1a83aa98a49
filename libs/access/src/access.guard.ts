import { Injectable, Logger, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { AuditService } from '@app/audit';
import { DomainError, ErrorCode, PUBLIC_KEY } from '@app/common';
import { ROLES_KEY } from './access.decorators';
import type { AuthUser } from './auth-user';
import { AuthService } from './auth.service';
import type { Role } from './role';
import { actorOf } from './users.service';

/**
 * The first of the two checks of SPEC 2.2, on every route of the application: a valid bearer token (else 401) and one of the
 * route's `@Roles` (else 403, audited as `access.denied`). The second check, the area scope, needs the target object
 * and is made by the service that loads it (out of scope → 404). A route without `@Roles` is refused: deny by default.
 * Whether a token is needed comes from the matched handler's metadata (`@Public`), never from the request URL, which
 * the router decodes and normalises in ways a prefix test cannot follow (SPEC 2.3: `/%61pi/v1/users` is not public).
 */
@Injectable()
export class AccessGuard implements CanActivate {
  private readonly logger = new Logger(AccessGuard.name);

  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
    private readonly audit: AuditService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<FastifyRequest & { user?: AuthUser }>();
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean | undefined>(PUBLIC_KEY, targets)) return true;

    const header = request.headers.authorization;
    const token = typeof header === 'string' && /^Bearer [^\s]+$/i.test(header) ? header.slice(7) : null;
    const user = token ? await this.auth.authenticate(token) : null;
    if (!user)
      throw new DomainError(
        ErrorCode.UNAUTHENTICATED,
        token ? 'Invalid or expired token' : 'Bearer token required',
      );
    request.user = user;

    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (!roles) this.logger.error(`Route ${routeOf(request)} declares no @Roles; refusing it`);
    if (!roles || !roles.some((role) => user.roles.includes(role))) {
      await this.audit.appendInOwnTransaction({
        action: 'access.denied',
        actor: actorOf(user, null),
        areaCode: user.areaCode,
        detail: { route: routeOf(request), status: 403, reason: 'role not allowed', required: roles ?? [] },
        ip: request.ip,
      });
      throw DomainError.forbidden();
    }
    return true;
  }
}

function routeOf(request: FastifyRequest): string {
  return `${request.method} ${request.routeOptions.url ?? request.url.split('?')[0]}`;
}
