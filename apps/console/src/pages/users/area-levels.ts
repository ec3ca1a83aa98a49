/** SPEC 2.2: which roles fit the level of the area a user is bound to (the server checks the same). */
export type AreaLevel = 'CITY' | 'COUNTY' | 'TOWNSHIP' | 'VILLAGE';

export const ROLES_BY_LEVEL: Record<AreaLevel, readonly string[]> = {
  CITY: ['CITY_SUPERVISOR', 'AUDITOR', 'ADMIN', 'INTEGRATION'],
  COUNTY: ['VERIFICATION_OFFICER', 'COUNTY_APPROVER', 'AUDITOR', 'INTEGRATION'],
  TOWNSHIP: ['STATION_OPERATOR', 'TOWNSHIP_REVIEWER', 'INTEGRATION'],
  VILLAGE: [],
};

export const LEVEL_LABELS: Record<AreaLevel, string> = {
  CITY: '市级',
  COUNTY: '县级',
  TOWNSHIP: '乡镇（街道）级',
  VILLAGE: '村（社区）级',
};

/** The level of an area code (GB/T 2260 and the statistical division codes), or null. */
export function levelOf(code: string): AreaLevel | null {
  if (/^\d{12}$/.test(code)) return 'VILLAGE';
  if (/^\d{9}$/.test(code)) return 'TOWNSHIP';
  if (/^\d{4}00$/.test(code)) return 'CITY';
  if (/^\d{6}$/.test(code)) return 'COUNTY';
  return null;
}

/** The levels a role may be bound to, in Chinese, for explaining why it is not offered. */
export function levelsForRole(role: string): string {
  return (Object.keys(ROLES_BY_LEVEL) as AreaLevel[])
    .filter((level) => ROLES_BY_LEVEL[level].includes(role))
    .map((level) => LEVEL_LABELS[level])
    .join('或');
}
