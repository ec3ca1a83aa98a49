import type { Role } from './role';
import type { User } from './user.entity';

/** What the API shows of a user: never the password hash. */
export interface UserView {
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
  areaCode: string;
  active: boolean;
  createdAt: string;
}

export function toUserView(user: User): UserView {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    roles: user.roles,
    areaCode: user.areaCode,
    active: user.active,
    createdAt: user.createdAt.toISOString(),
  };
}
