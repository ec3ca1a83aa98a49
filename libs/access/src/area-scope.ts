import { Injectable } from '@nestjs/common';
import { isWithinScope } from '@app/areas';
import { AuditService } from '@app/audit';
import { DomainError } from '@app/common';
import type { AuthUser } from './auth-user';
import { actorOf } from './users.service';

/**
 * The second check of SPEC 2.2: the target lies inside the caller's area scope. Anything else answers 404, never 403
 * (its existence is not revealed), and the attempt is audited as `access.denied` in the caller's own chain.
 */
@Injectable()
export class AreaScope {
  constructor(private readonly audit: AuditService) {}

  async require(
    user: AuthUser,
    targetAreaCode: string | null | undefined,
    what: string,
    ip?: string | null,
  ): Promise<void> {
    if (targetAreaCode && isWithinScope(targetAreaCode, user.areaCode)) return;
    if (targetAreaCode) {
      await this.audit.appendInOwnTransaction({
        action: 'access.denied',
        actor: actorOf(user, null),
        // The caller's own chain: the target's existence must not leak into another county's trail.
        areaCode: user.areaCode,
        detail: {
          status: 404,
          reason: 'outside the caller’s area scope',
          target: what,
          areaCode: targetAreaCode,
        },
        ip: ip ?? null,
      });
    }
    throw DomainError.notFound(what);
  }
}
