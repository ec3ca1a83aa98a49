import { generateIdNumber } from '@app/privacy';

/**
 * Request bodies of SPEC 3.1 for tests and benchmarks: valid by default, every field overridable. ID numbers are
 * real GB 11643 numbers (ISO 7064 MOD 11-2 check character) and unique within the process.
 */

let issued = 0;

/**
 * A valid ID number born on `birthDate`, never issued before in this process: the sequence code counts up, and
 * every 1 000 numbers the address code moves on (address codes are not checked, SPEC 3.1).
 */
export function uniqueIdNumber(birthDate = '1980-01-01'): string {
  const n = issued++;
  const area = `43${String(1102 + Math.floor(n / 1000)).padStart(4, '0')}`;
  return generateIdNumber(birthDate, n % 1000, area);
}

/** The date `years` years before today (in China), for members of a given age. */
export function birthDateYearsAgo(years: number, today: Date = new Date()): string {
  const china = new Date(today.getTime() + 8 * 3600 * 1000);
  china.setUTCFullYear(china.getUTCFullYear() - years);
  china.setUTCDate(china.getUTCDate() - 1); // a birthday that has passed this year
  return china.toISOString().slice(0, 10);
}

export type MemberBody = Record<string, unknown>;
export type ApplicationBody = Record<string, unknown> & { members: MemberBody[] };

export function memberBody(overrides: MemberBody = {}): MemberBody {
  return {
    name: '张三',
    idNumber: uniqueIdNumber(),
    relation: 'SELF',
    coResident: true,
    exclusion: null,
    disability: null,
    employment: 'UNEMPLOYED',
    declaredMonthlyIncome: { wageFen: 0, businessFen: 0, propertyFen: 0, transferFen: 0, excludedFen: 0 },
    declaredAssets: { depositsFen: 0, securitiesFen: 0, vehicles: 0, dwellings: 1 },
    authorization: { signedAt: '2026-01-05', signer: 'SELF', documentRef: 'AUTH-TEST-000001' },
    ...overrides,
  };
}

/** A valid application: an applicant and, unless `members` is given, a spouse; both authorised. */
export function applicationBody(overrides: Partial<ApplicationBody> = {}): ApplicationBody {
  return {
    programme: 'DIBAO',
    townshipCode: '431102001',
    residence: 'URBAN',
    address: '零陵区朝阳街道某某路12号',
    hasAbleSupporter: false,
    staffRelative: false,
    members: [memberBody(), memberBody({ name: '李四', relation: 'SPOUSE' })],
    ...overrides,
  };
}
