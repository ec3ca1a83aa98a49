import { type AuthUser, type Role } from '@app/access';
import { type AuditActor } from '@app/audit';
import { DomainError } from '@app/common';

/** The first of the caller's roles that may take this step; 403 when none may. */
export function actingRole(actor: AuthUser, allowed: Role[]): Role {
  const role = actor.roles.find((r) => allowed.includes(r));
  if (!role) throw DomainError.forbidden();
  return role;
}

/** The audit trail's view of the caller, acting in `role`. */
export function auditActor(actor: AuthUser, role: string | null): AuditActor {
  return { userId: actor.id, username: actor.username, role, areaCode: actor.areaCode };
}
