import { AreaLevel } from '@app/areas';

/** Roles of SPEC 2.2; the values are the contract strings. */
export enum Role {
  STATION_OPERATOR = 'STATION_OPERATOR',
  TOWNSHIP_REVIEWER = 'TOWNSHIP_REVIEWER',
  VERIFICATION_OFFICER = 'VERIFICATION_OFFICER',
  COUNTY_APPROVER = 'COUNTY_APPROVER',
  CITY_SUPERVISOR = 'CITY_SUPERVISOR',
  AUDITOR = 'AUDITOR',
  INTEGRATION = 'INTEGRATION',
  ADMIN = 'ADMIN',
}

/** Which roles a user bound to an area of each level may hold (SPEC 2.2). */
export const ROLES_BY_LEVEL: Record<AreaLevel, readonly Role[]> = {
  [AreaLevel.CITY]: [Role.CITY_SUPERVISOR, Role.AUDITOR, Role.ADMIN, Role.INTEGRATION],
  [AreaLevel.COUNTY]: [Role.VERIFICATION_OFFICER, Role.COUNTY_APPROVER, Role.AUDITOR, Role.INTEGRATION],
  [AreaLevel.TOWNSHIP]: [Role.STATION_OPERATOR, Role.TOWNSHIP_REVIEWER, Role.INTEGRATION],
  [AreaLevel.VILLAGE]: [],
};
