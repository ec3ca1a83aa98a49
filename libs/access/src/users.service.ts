import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { hash } from 'argon2';
import { DataSource } from 'typeorm';
import { Area, areaLevelOf, cityOf } from '@app/areas';
import { AuditService, type AuditActor } from '@app/audit';
import { DomainError, ErrorCode, type FieldProblem } from '@app/common';
import { pgErrorCode, runInTransaction } from '@app/database';
import type { AuthUser } from './auth-user';
import type { CreateUserDto } from './dto/create-user.dto';
import { Role, ROLES_BY_LEVEL } from './role';
import { TokenStateCache } from './token-state.cache';
import { User } from './user.entity';
import { toUserView, type UserView } from './user-view';

/** Arbitrary advisory-lock key: one process at a time bootstraps the administrator. */
const BOOTSTRAP_LOCK_KEY = 727_002;
/** The city whose tree the platform ships (SPEC 2.1); the bootstrap administrator is bound to it. */
export const PLATFORM_CITY = '431100';

export interface UpdateUserChanges {
  active?: boolean;
  roles?: Role[];
  areaCode?: string;
  displayName?: string;
}

export interface NewUser {
  username: string;
  password: string;
  displayName: string;
  roles: Role[];
  areaCode: string;
}

@Injectable()
export class UsersService {
  private readonly logger = new Logger(UsersService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly tokenStates: TokenStateCache,
  ) {}

  findById(id: string): Promise<User | null> {
    return this.dataSource.getRepository(User).findOneBy({ id });
  }

  findByUsername(username: string): Promise<User | null> {
    return this.dataSource.getRepository(User).findOneBy({ username });
  }

  async list(): Promise<UserView[]> {
    const users = await this.dataSource.getRepository(User).find({ order: { username: 'ASC' } });
    return users.map(toUserView);
  }

  /** SPEC 2.3 `POST /users`: roles must fit the area's level; a duplicate username is a conflict. */
  async create(actor: AuthUser | null, dto: CreateUserDto | NewUser, ip?: string | null): Promise<UserView> {
    const area = await this.dataSource.getRepository(Area).findOneBy({ code: dto.areaCode });
    const problems = rolesProblems(dto.roles, area);
    if (problems.length > 0) throw DomainError.validation(problems);
    const user: User = {
      id: randomUUID(),
      username: dto.username,
      passwordHash: await hash(dto.password),
      displayName: dto.displayName,
      roles: [...dto.roles],
      areaCode: dto.areaCode,
      createdAt: new Date(),
      active: true,
      tokenVersion: 0,
    };
    try {
      await runInTransaction(this.dataSource, async (tx) => {
        await tx.getRepository(User).insert(user);
        await this.audit.append(tx, {
          action: 'user.created',
          actor: actor ? actorOf(actor, Role.ADMIN) : SYSTEM_ACTOR,
          areaCode: user.areaCode,
          detail: { userId: user.id, username: user.username, roles: user.roles, areaCode: user.areaCode },
          ip: ip ?? null,
        });
      });
    } catch (error) {
      if (pgErrorCode(error) === '23505')
        throw new DomainError(ErrorCode.USERNAME_TAKEN, `Username ${dto.username} is taken`);
      throw error;
    }
    return toUserView(user);
  }

  /**
   * SPEC 2.3 `PATCH /api/v1/users/{id}`: the same level rules as a create; the last active ADMIN cannot be
   * deactivated or demoted (409). A change of `active`, roles or area revokes every token of the user.
   */
  async update(
    admin: AuthUser,
    id: string,
    changes: UpdateUserChanges,
    ip: string | null,
  ): Promise<UserView> {
    const view = await runInTransaction(this.dataSource, async (tx) => {
      // Every change that could remove an administrator is serialised on the administrators' rows.
      const admins = await tx.query<{ id: string }[]>(
        `SELECT id FROM users WHERE active AND 'ADMIN' = ANY(roles) ORDER BY id FOR UPDATE`,
      );
      const user = await tx
        .getRepository(User)
        .findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!user) throw DomainError.notFound('User');
      const next = {
        active: changes.active ?? user.active,
        roles: changes.roles ? [...changes.roles] : user.roles,
        areaCode: changes.areaCode ?? user.areaCode,
        displayName: changes.displayName ?? user.displayName,
      };
      if (changes.roles !== undefined || changes.areaCode !== undefined) {
        const area = await tx.getRepository(Area).findOneBy({ code: next.areaCode });
        const problems = rolesProblems(next.roles, area);
        if (problems.length > 0) throw DomainError.validation(problems);
      }
      const wasAdmin = user.active && user.roles.includes(Role.ADMIN);
      const staysAdmin = next.active && next.roles.includes(Role.ADMIN);
      if (wasAdmin && !staysAdmin && admins.filter((a) => a.id !== user.id).length === 0)
        throw new DomainError(ErrorCode.CONFLICT, 'The last active ADMIN cannot be deactivated or demoted');

      const revokes =
        next.active !== user.active ||
        next.areaCode !== user.areaCode ||
        [...next.roles].sort().join() !== [...user.roles].sort().join();
      const changed: Record<string, { from: unknown; to: unknown }> = {};
      for (const key of ['active', 'roles', 'areaCode', 'displayName'] as const) {
        if (JSON.stringify(next[key]) !== JSON.stringify(user[key]))
          changed[key] = { from: user[key], to: next[key] };
      }
      const updated: User = {
        ...user,
        ...next,
        tokenVersion: revokes ? user.tokenVersion + 1 : user.tokenVersion,
      };
      await tx.getRepository(User).update(
        { id },
        {
          active: updated.active,
          roles: updated.roles,
          areaCode: updated.areaCode,
          displayName: updated.displayName,
          tokenVersion: updated.tokenVersion,
        },
      );
      await this.audit.append(tx, {
        action: 'user.updated',
        actor: actorOf(admin, Role.ADMIN),
        areaCode: updated.areaCode,
        detail: { userId: user.id, username: user.username, changes: changed, tokensRevoked: revokes },
        ip,
      });
      return toUserView(updated);
    });
    this.tokenStates.forget(id);
    return view;
  }

  /**
   * Sets a new password and revokes every token of the user: `user.password-reset` (by an administrator) or
   * `user.password-changed` (by the user, after the current password was checked). The password is never audited.
   */
  async setPassword(
    actor: AuthUser,
    id: string,
    password: string,
    action: 'user.password-reset' | 'user.password-changed',
    ip: string | null,
  ): Promise<void> {
    const passwordHash = await hash(password);
    await runInTransaction(this.dataSource, async (tx) => {
      const rows = await tx.query<{ username: string; area_code: string }[]>(
        'SELECT username, area_code FROM users WHERE id = $1 FOR UPDATE',
        [id],
      );
      const row = rows[0];
      if (!row) throw DomainError.notFound('User');
      await tx.query('UPDATE users SET password_hash = $2, token_version = token_version + 1 WHERE id = $1', [
        id,
        passwordHash,
      ]);
      await this.audit.append(tx, {
        action,
        actor: actorOf(actor, action === 'user.password-reset' ? Role.ADMIN : null),
        areaCode: row.area_code,
        detail: { userId: id, username: row.username, tokensRevoked: true },
        ip,
      });
    });
    this.tokenStates.forget(id);
  }

  /** SPEC 2.3 logout: bumps the caller's token version (every token issued so far stops working). */
  async revokeTokens(caller: AuthUser, ip: string | null): Promise<void> {
    await runInTransaction(this.dataSource, async (tx) => {
      await tx.query('UPDATE users SET token_version = token_version + 1 WHERE id = $1', [caller.id]);
      await this.audit.append(tx, {
        action: 'auth.logout',
        actor: actorOf(caller, null),
        areaCode: caller.areaCode,
        detail: { tokensRevoked: true },
        ip,
      });
    });
    this.tokenStates.forget(caller.id);
  }

  /** SPEC 2.3: on first start, with no user at all, create the administrator from the environment. */
  async ensureAdministrator(username: string, password: string): Promise<boolean> {
    const passwordHash = await hash(password);
    const created = await runInTransaction(this.dataSource, async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [BOOTSTRAP_LOCK_KEY]);
      const [row] = await tx.query<{ exists: boolean }[]>('SELECT EXISTS (SELECT 1 FROM users) AS exists');
      if (row?.exists) return false;
      const user: User = {
        id: randomUUID(),
        username,
        passwordHash,
        displayName: 'Administrator',
        roles: [Role.ADMIN],
        areaCode: PLATFORM_CITY,
        createdAt: new Date(),
        active: true,
        tokenVersion: 0,
      };
      await tx.getRepository(User).insert(user);
      await this.audit.append(tx, {
        action: 'user.created',
        actor: SYSTEM_ACTOR,
        areaCode: PLATFORM_CITY,
        detail: { userId: user.id, username, roles: user.roles, areaCode: PLATFORM_CITY, bootstrap: true },
      });
      return true;
    });
    if (created) this.logger.log(`Created the administrator account "${username}"`);
    return created;
  }
}

/** SPEC 2.2: every role must be valid for the level of the area the user is bound to. */
export function rolesProblems(
  roles: readonly Role[],
  area: Pick<Area, 'code' | 'level'> | null,
): FieldProblem[] {
  if (!area) return [{ path: 'areaCode', message: 'areaCode is not a known area' }];
  if (cityOf(area.code) !== PLATFORM_CITY)
    return [{ path: 'areaCode', message: `areaCode must lie inside ${PLATFORM_CITY}` }];
  const level = areaLevelOf(area.code);
  const allowed = level ? ROLES_BY_LEVEL[level] : [];
  return roles
    .map((role, i) => ({ role, i }))
    .filter(({ role }) => !allowed.includes(role))
    .map(({ role, i }) => ({
      path: `roles[${i}]`,
      message: `${role} cannot be held by a user bound to a ${area.level} area (allowed: ${allowed.join(', ') || 'none'})`,
    }));
}

export const SYSTEM_ACTOR: AuditActor = { userId: null, username: 'system', role: null, areaCode: null };

export function actorOf(user: AuthUser, role: string | null): AuditActor {
  return { userId: user.id, username: user.username, role, areaCode: user.areaCode };
}
