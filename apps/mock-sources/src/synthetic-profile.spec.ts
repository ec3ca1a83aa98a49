import { syntheticProfile } from './synthetic-profile';

function idNumber(birthDate: string, seq: number): string {
  const first17 = `431102${birthDate.replaceAll('-', '')}${String(seq % 1000).padStart(3, '0')}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = weights.reduce((total, weight, i) => total + weight * Number(first17[i]), 0);
  return `${first17}${'10X98765432'[sum % 11]}`;
}

/** 6 000 people born 1936–2015, days spread evenly (ages 10–89 on the synthetic reference date). */
const PEOPLE = Array.from({ length: 6000 }, (_, i) => {
  const year = 1936 + (i % 80);
  const month = String(1 + (i % 12)).padStart(2, '0');
  const day = String(1 + (i % 28)).padStart(2, '0');
  return { id: idNumber(`${year}-${month}-${day}`, i), age: 2025 - year };
});

function share(predicate: (person: (typeof PEOPLE)[number]) => boolean, among = PEOPLE): number {
  return among.filter(predicate).length / among.length;
}

describe('synthetic profiles (SPEC 5.2)', () => {
  const profiles = new Map(PEOPLE.map(({ id }) => [id, syntheticProfile(id)]));
  const of = (id: string) => profiles.get(id)!;

  it('is deterministic and independent of the case of the check character', () => {
    for (const { id } of PEOPLE.slice(0, 200)) expect(syntheticProfile(id)).toEqual(of(id));
    const withX = PEOPLE.find(({ id }) => id.endsWith('X'))!.id;
    expect(syntheticProfile(withX.toLowerCase())).toEqual(of(withX));
  });

  it('has a realistic spread of deaths, vehicles, wages, dwellings and benefits', () => {
    expect(share(({ id }) => of(id).alive === false)).toBeGreaterThan(0.02);
    expect(share(({ id }) => of(id).alive === false)).toBeLessThan(0.04);
    const adults = PEOPLE.filter(({ age }) => age >= 18);
    expect(share(({ id }) => (of(id).vehicles?.length ?? 0) === 1, adults)).toBeGreaterThan(0.12);
    expect(share(({ id }) => (of(id).vehicles?.length ?? 0) === 1, adults)).toBeLessThan(0.18);
    expect(share(({ id }) => (of(id).vehicles?.length ?? 0) === 0, adults)).toBeGreaterThan(0.8);
    expect(share(({ id }) => of(id).employment != null)).toBeGreaterThan(0.35);
    expect(share(({ id }) => of(id).employment != null)).toBeLessThan(0.55);
    expect(
      share(({ id }) => of(id).properties?.some((p) => p.type === 'DWELLING') === true, adults),
    ).toBeGreaterThan(0.55);
    expect(
      share(({ id }) => of(id).properties?.some((p) => p.type === 'DWELLING') === true, adults),
    ).toBeLessThan(0.68);
    expect(share(({ id }) => of(id).businesses != null, adults)).toBeLessThan(0.08);
    expect(share(({ id }) => of(id).housingFundBaseFen != null)).toBeGreaterThan(0.18);
    expect(share(({ id }) => of(id).housingFundBaseFen != null)).toBeLessThan(0.32);
    expect(share(({ id }) => (of(id).receivingAssistance?.length ?? 0) > 0)).toBeLessThan(0.05);
    expect(share(({ id }) => of(id).disability != null)).toBeGreaterThan(0.03);
    expect(share(({ id }) => of(id).disability != null)).toBeLessThan(0.07);
    expect(share(({ id }) => of(id).publicPayroll === true)).toBeLessThan(0.04);
    const deposits = PEOPLE.map(({ id }) => of(id).banking?.depositsFen ?? 0).sort((a, b) => a - b);
    expect(deposits[Math.floor(deposits.length / 2)]).toBeLessThan(1_000_000);
  });

  it('keeps amounts inside their ranges and consistent across departments', () => {
    for (const { id, age } of PEOPLE) {
      const profile = of(id);
      for (const job of profile.employment ?? []) {
        expect(job.monthlyWageFen).toBeGreaterThanOrEqual(150_000);
        expect(job.monthlyWageFen).toBeLessThanOrEqual(600_000);
        // Tax of the last 12 months is roughly the wage times 12.
        expect(profile.annualTaxableWageFen).toBeGreaterThanOrEqual(
          Math.floor(job.monthlyWageFen * 12 * 0.85),
        );
        expect(profile.annualTaxableWageFen).toBeLessThanOrEqual(job.monthlyWageFen * 12 * 1.05);
      }
      for (const pension of profile.pensions ?? []) {
        expect(age).toBeGreaterThanOrEqual(59);
        if (pension.type === 'RESIDENT') {
          expect(pension.centralBaseFen).toBe(14_300);
          expect(pension.monthlyFen).toBeGreaterThanOrEqual(15_000);
          expect(pension.monthlyFen).toBeLessThanOrEqual(30_000);
        } else {
          expect(pension.monthlyFen).toBeGreaterThanOrEqual(200_000);
          expect(pension.monthlyFen).toBeLessThanOrEqual(450_000);
        }
      }
      if (age < 17) {
        expect(profile.employment).toBeUndefined();
        expect(profile.vehicles).toBeUndefined();
        expect(profile.businesses).toBeUndefined();
      }
      if (profile.alive === false) {
        expect(profile.deathDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(profile.employment).toBeUndefined();
      } else {
        expect(profile.deathDate).toBeNull();
      }
      if (profile.publicPayroll) expect(profile.employment).toHaveLength(1);
      for (const amount of [
        profile.banking?.depositsFen,
        profile.annualTaxableWageFen,
        profile.housingFundBaseFen,
      ])
        if (amount !== undefined && amount !== null)
          expect(Number.isSafeInteger(amount) && amount >= 0).toBe(true);
    }
    expect(
      share(
        ({ id }) => of(id).pensions != null,
        PEOPLE.filter(({ age }) => age >= 61),
      ),
    ).toBeGreaterThan(0.8);
  });
});
