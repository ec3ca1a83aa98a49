/** Administrative levels of GB/T 2260 and the statistical division codes (SPEC 2.1). */
export enum AreaLevel {
  CITY = 'CITY',
  COUNTY = 'COUNTY',
  TOWNSHIP = 'TOWNSHIP',
  VILLAGE = 'VILLAGE',
}

/** The level a code denotes by its shape, or null when it is not a city/county/township/village code. */
export function areaLevelOf(code: string): AreaLevel | null {
  if (/^\d{4}00$/.test(code) && !/^\d{2}0000$/.test(code)) return AreaLevel.CITY;
  if (/^\d{6}$/.test(code) && !code.endsWith('00')) return AreaLevel.COUNTY;
  if (/^\d{9}$/.test(code)) return AreaLevel.TOWNSHIP;
  if (/^\d{12}$/.test(code)) return AreaLevel.VILLAGE;
  return null;
}

/** The prefix every code inside `code`'s scope starts with (codes are hierarchical by construction). */
export function scopePrefix(code: string): string {
  return areaLevelOf(code) === AreaLevel.CITY ? code.slice(0, 4) : code;
}

/** True when `target` is `scope` itself or one of its descendants. */
export function isWithinScope(target: string, scope: string): boolean {
  if (areaLevelOf(target) === null || areaLevelOf(scope) === null) return false;
  if (target === scope) return true;
  return target.startsWith(scopePrefix(scope)) && target.length >= scope.length;
}

/** The county a code belongs to (its own code for a county), or null for a city-level code. */
export function countyOf(code: string): string | null {
  const level = areaLevelOf(code);
  if (level === null || level === AreaLevel.CITY) return null;
  return code.slice(0, 6);
}

/** The city a code belongs to. */
export function cityOf(code: string): string {
  return `${code.slice(0, 4)}00`;
}
