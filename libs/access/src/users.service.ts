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
import { User } from './user.entity';
import { toUserView, type UserView } from './user-view';

/** Arbitrary advisory-lock key: one process at a time bootstraps the administrator. */
const BOOTSTRAP_LOCK_KEY = 727_002;
/** The city whose tree the platform ships (SPEC 2.1); the bootstrap administrator is bound to it. */
export const PLATFORM_CITY = '431100';

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
