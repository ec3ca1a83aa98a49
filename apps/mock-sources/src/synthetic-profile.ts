import { ageOn } from '@app/privacy';
import { dateBetween } from './formatting';
import { HashStream } from './hash-stream';
import {
  type DisabilityCategory,
  type MaritalStatus,
  type PersonProfile,
  type ProfileBusiness,
  type ProfileDisability,
  type ProfileProperty,
  type ProfileVehicle,
  type VehicleType,
} from './person-profile.types';

/** Ages are taken on a fixed date, so a synthetic person answers the same in every year the mock runs. */
export const SYNTHETIC_AS_OF = '2026-01-01';

const PLATE_LETTERS = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const EMPLOYERS = [
  '永州某机械有限公司',
  '零陵区某商贸有限公司',
  '冷水滩区某物流有限公司',
  '永州某食品厂',
  '某某建筑工程有限公司',
];
const PUBLIC_EMPLOYERS = ['某某区人民政府办公室', '某某镇中心学校', '某某县人民医院'];
const SHOPS = ['某某商行', '某某便利店', '某某小吃店', '某某五金店'];
const COMPANIES = ['永州某某贸易有限公司', '湖南某某科技有限公司', '某某农业专业合作社'];

function weighted<T>(stream: HashStream, table: readonly (readonly [T, number])[]): T {
  const total = table.reduce((sum, [, weight]) => sum + weight, 0);
  let roll = stream.next() * total;
  for (const [value, weight] of table) {
    roll -= weight;
    if (roll < 0) return value;
  }
  const last = table[table.length - 1];
  if (!last) throw new RangeError('weighted pick from an empty table');
  return last[0];
}

function birthDateOf(id: string): string {
  return `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
}

function ageOf(id: string): number {
  if (birthDateOf(id) > SYNTHETIC_AS_OF) return 0;
  try {
    return ageOn(id, SYNTHETIC_AS_OF);
  } catch {
    // An impossible birth date (the shape is all departments check): treat the person as a middle-aged adult.
    return 40;
  }
}

function later(a: string, b: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(b) && b > a ? b : a;
}

function vehicle(stream: HashStream, mobilityAid: boolean): ProfileVehicle {
  const letter = stream.pick([...PLATE_LETTERS]);
  const digits = String(stream.int(0, 9999)).padStart(4, '0');
  const type = weighted<VehicleType>(stream, [
    ['CAR', 80],
    ['MOTORCYCLE', 12],
    ['TRUCK', 6],
    ['OTHER', 2],
  ]);
  return {
    plate: `湘M${letter}${digits}`,
    type,
    disabilityMobility: mobilityAid && stream.chance(0.5),
    registeredOn: dateBetween('2008-01-01', '2025-12-31', stream.next()),
  };
}

function property(stream: HashStream, type: ProfileProperty['type']): ProfileProperty {
  const year = stream.int(2015, 2025);
  const serial = String(stream.int(1, 9_999_999)).padStart(7, '0');
  return {
    certificateNo: `湘(${year})永州市不动产权第${serial}号`,
    type,
    areaSqm: stream.int(type === 'DWELLING' ? 4000 : 1500, type === 'DWELLING' ? 16000 : 30000) / 100,
    registeredOn: dateBetween(`${year}-01-01`, `${year}-12-31`, stream.next()),
  };
}

function business(stream: HashStream): ProfileBusiness {
  if (stream.chance(0.7)) {
    return {
      name: stream.pick(SHOPS),
      kind: 'INDIVIDUAL',
      role: 'LEGAL_REP',
      registeredCapitalFen: stream.int(0, 20) * 100_000,
      status: stream.chance(0.9) ? 'ACTIVE' : 'REVOKED',
    };
  }
  return {
    name: stream.pick(COMPANIES),
    kind: 'ENTERPRISE',
    role: stream.chance(0.5) ? 'LEGAL_REP' : 'SHAREHOLDER',
    registeredCapitalFen: stream.int(1, 100) * 1_000_000,
    status: stream.chance(0.85) ? 'ACTIVE' : 'REVOKED',
  };
}

function disability(stream: HashStream): ProfileDisability | null {
  if (!stream.chance(0.05)) return null;
  const category = weighted<DisabilityCategory>(stream, [
    ['PHYSICAL', 40],
    ['VISUAL', 10],
    ['HEARING', 15],
    ['SPEECH', 3],
    ['INTELLECTUAL', 10],
    ['MENTAL', 12],
    ['MULTIPLE', 10],
  ]);
  return { category, grade: stream.int(1, 4) };
}

function maritalStatus(stream: HashStream, age: number): MaritalStatus {
  if (age >= 60)
    return weighted<MaritalStatus>(stream, [
      ['MARRIED', 60],
      ['WIDOWED', 30],
      ['DIVORCED', 5],
      ['UNMARRIED', 5],
    ]);
  if (age < 30)
    return weighted<MaritalStatus>(stream, [
      ['UNMARRIED', 50],
      ['MARRIED', 45],
      ['DIVORCED', 5],
    ]);
  return weighted<MaritalStatus>(stream, [
    ['MARRIED', 78],
    ['DIVORCED', 10],
    ['UNMARRIED', 8],
    ['WIDOWED', 4],
  ]);
}

/**
 * The deterministic synthetic person behind an unpinned ID number (SPEC 5.2): the same answer every time, with a
 * realistic spread. Each group of attributes draws from its own forked stream, in a fixed order.
 */
export function syntheticProfile(idNumber: string): PersonProfile {
  const id = idNumber.toUpperCase();
  const root = HashStream.of(`hev-mock-sources:${id}`);
  const age = ageOf(id);
  const adult = age >= 18;
  const senior = age >= 60;
  const workingAge = adult && !senior;
  const profile: PersonProfile = {};

  const hukou = root.fork();
  const deceased = hukou.chance(0.03);
  const alive = !deceased;
  profile.alive = alive;
  profile.deathDate = deceased
    ? dateBetween(later('2018-01-01', birthDateOf(id)), '2025-12-31', hukou.next())
    : null;
  profile.hukouAreaCode = id.slice(0, 6);

  const certificate = disability(root.fork());
  if (certificate) profile.disability = certificate;

  const cars = root.fork();
  const vehicleRoll = cars.next();
  const vehicleCount = !adult ? 0 : vehicleRoll < 0.02 ? 2 : vehicleRoll < 0.17 ? 1 : 0;
  const mobilityAid = certificate?.category === 'PHYSICAL';
  if (vehicleCount > 0)
    profile.vehicles = Array.from({ length: vehicleCount }, () => vehicle(cars, mobilityAid));

  const work = root.fork();
  const publicPayroll = workingAge && alive && work.chance(0.035);
  const hasWage = workingAge && alive && (publicPayroll || work.chance(0.8));
  if (hasWage) {
    const wage = work.int(1500, 6000) * 100;
    profile.employment = [
      { employer: work.pick(publicPayroll ? PUBLIC_EMPLOYERS : EMPLOYERS), monthlyWageFen: wage },
    ];
    // Withholding records the wage of the last 12 months, give or take a bonus or a gap.
    profile.annualTaxableWageFen = Math.floor((wage * 12 * work.int(85, 105)) / 100);
    if (work.chance(0.55)) profile.housingFundBaseFen = Math.floor((wage * work.int(60, 100)) / 100);
  }
  if (senior && alive && work.chance(0.9)) {
    profile.pensions = work.chance(0.7)
      ? [{ type: 'RESIDENT', monthlyFen: work.int(15_000, 30_000), centralBaseFen: 14_300 }]
      : [{ type: 'EMPLOYEE', monthlyFen: work.int(200_000, 450_000), centralBaseFen: 0 }];
  }
  if (workingAge && alive && !hasWage && work.chance(0.05)) {
    profile.unemploymentBenefitMonthlyFen = work.int(1200, 1800) * 100;
  }
  if (publicPayroll) profile.publicPayroll = true;

  const bank = root.fork();
  if (bank.chance(adult ? 0.95 : 0.4)) {
    const rich = adult && bank.chance(0.05);
    const small = Math.floor(bank.next() ** 3 * (adult ? 3_000_000 : 500_000));
    profile.banking = {
      depositsFen: rich ? bank.int(3_000_000, 30_000_000) : small,
      securitiesFen: adult && bank.chance(0.08) ? bank.int(0, 2_000_000) : 0,
      wealthProductsFen: adult && bank.chance(0.06) ? bank.int(0, 5_000_000) : 0,
    };
  }

  const land = root.fork();
  if (adult) {
    const properties: ProfileProperty[] = [];
    if (land.chance(0.6)) properties.push(property(land, 'DWELLING'));
    if (land.chance(0.04)) properties.push(property(land, 'DWELLING'));
    if (land.chance(0.05)) properties.push(property(land, 'COMMERCIAL'));
    if (properties.length > 0) profile.properties = properties;
  }

  const market = root.fork();
  if (adult && market.chance(0.05)) profile.businesses = [business(market)];

  const civil = root.fork();
  if (age >= 20) profile.maritalStatus = maritalStatus(civil, age);
  if (alive && civil.chance(0.03)) {
    const programme = weighted(civil, [
      ['DIBAO', 70],
      ['EDGE', 15],
      ['TEKUN', 15],
    ] as const);
    profile.receivingAssistance = [
      { programme, areaCode: id.slice(0, 6), since: dateBetween('2019-01-01', '2025-12-31', civil.next()) },
    ];
  }
  return profile;
}
