import type { AreaLevel } from '@app/areas';
import type { Role } from './role';

/** The authenticated caller, attached to the request by the JWT guard. */
export interface AuthUser {
  id: string;
  username: string;
  roles: Role[];
  areaCode: string;
  areaLevel: AreaLevel;
}
