import { generateIdNumber } from '@app/privacy';

export interface MemberSpec {
  idNumber: string;
  relation?: string;
  coResident?: boolean;
  exclusion?: string | null;
  employment?: string;
  wageFen?: number;
  transferFen?: number;
  depositsFen?: number;
  dwellings?: number;
  vehicles?: number;
  /** False: no authorisation. */
  authorized?: boolean;
}

/** A distinct, valid ID number of an adult for every `n` (birth dates 1950–1999 × sequence numbers). */
export function adultId(n: number): string {
  const year = 1950 + (n % 50);
  const day = 1 + (Math.floor(n / 50) % 28);
  return generateIdNumber(`${year}-03-${String(day).padStart(2, '0')}`, 100 + Math.floor(n / 1400), '431102');
}

/** A SPEC 3.1 application body for township 431102001 (朝阳街道). */
export function householdBody(
  members: MemberSpec[],
  options: { programme?: string; residence?: string } = {},
): Record<string, unknown> {
  return {
    programme: options.programme ?? 'DIBAO',
    townshipCode: '431102001',
    residence: options.residence ?? 'URBAN',
    address: '零陵区朝阳街道某某路12号',
    hasAbleSupporter: false,
    staffRelative: false,
    members: members.map((m, i) => ({
      name: `成员${i + 1}`,
      idNumber: m.idNumber,
      relation: m.relation ?? (i === 0 ? 'SELF' : 'SPOUSE'),
      coResident: m.coResident ?? true,
      exclusion: m.exclusion ?? null,
      disability: null,
      employment: m.employment ?? 'UNEMPLOYED',
      declaredMonthlyIncome: {
        wageFen: m.wageFen ?? 0,
        businessFen: 0,
        propertyFen: 0,
        transferFen: m.transferFen ?? 0,
        excludedFen: 0,
      },
      declaredAssets: {
        depositsFen: m.depositsFen ?? 0,
        securitiesFen: 0,
        vehicles: m.vehicles ?? 0,
        dwellings: m.dwellings ?? 0,
      },
      authorization:
        m.authorized === false
          ? null
          : { signedAt: '2026-11-20', signer: 'SELF', documentRef: `AUTH-431102001-${i + 1}` },
    })),
  };
}

/** A household of `size` adults whose persons no other household of the same `index` series uses. */
export function numberedHousehold(index: number, size = 4): Record<string, unknown> {
  const members = Array.from({ length: size }, (_, k) => ({
    idNumber: adultId(index * size + k),
    relation: k === 0 ? 'SELF' : k === 1 ? 'SPOUSE' : 'SIBLING',
  }));
  return householdBody(members);
}
