import { generateIdNumber } from '@app/privacy';

/** A station the load comes from: the operator's township (its scope) and how its addresses read. */
export interface Station {
  townshipCode: string;
  townshipName: string;
  residence: 'URBAN' | 'RURAL';
}

type Relation =
  | 'SELF'
  | 'SPOUSE'
  | 'CHILD'
  | 'PARENT'
  | 'SIBLING'
  | 'GRANDPARENT'
  | 'GRANDCHILD'
  | 'CHILD_IN_LAW'
  | 'OTHER';

interface MemberBody {
  name: string;
  idNumber: string;
  relation: Relation;
  coResident: boolean;
  exclusion: string | null;
  disability: { category: string; grade: number } | null;
  employment: string;
  declaredMonthlyIncome: {
    wageFen: number;
    businessFen: number;
    propertyFen: number;
    transferFen: number;
    excludedFen: number;
  };
  declaredAssets: { depositsFen: number; securitiesFen: number; vehicles: number; dwellings: number };
  authorization: { signedAt: string; signer: 'SELF' | 'GUARDIAN'; documentRef: string } | null;
}

export interface ApplicationBody {
  programme: 'DIBAO' | 'EDGE' | 'TEKUN';
  townshipCode: string;
  residence: 'URBAN' | 'RURAL';
  address: string;
  hasAbleSupporter: boolean;
  staffRelative: boolean;
  members: MemberBody[];
}

const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢';
const GIVEN = '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂英华建国红梅文斌玉兰志强海燕春生德荣金凤';
/** Birthplace codes on ID numbers: Yongzhou's counties and a few elsewhere in Hunan (people move). */
const BIRTHPLACES = [
  '431102',
  '431103',
  '431121',
  '431122',
  '431123',
  '431124',
  '431125',
  '431126',
  '430102',
  '430521',
];
const DISABILITIES = ['PHYSICAL', 'VISUAL', 'HEARING', 'SPEECH', 'INTELLECTUAL', 'MENTAL', 'MULTIPLE'];
const EXCLUSIONS = ['PRISON', 'DRUG_REHAB', 'MISSING', 'RELIGIOUS_3Y'];
const STREETS = ['潇湘路', '零陵中路', '人民路', '芝山路', '凤凰路', '湘江东路', '解放路', '南津路'];
const HOUSEHOLD_SIZES = [1, 1, 1, 1, 2, 2, 2, 2, 2, 3, 3, 3, 3, 3, 4, 4, 4, 5, 5, 6];

/** mulberry32: a small seeded PRNG, so a run's households are reproducible. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Builds realistic 1–6-member household applications (SPEC 3.1): mixed relations, ages, incomes, assets and
 * disabilities, programme DIBAO/EDGE/TEKUN. Every ID number it ever returns is unique and carries a valid GB 11643
 * check character; minors are authorised by a guardian. About one application in ten leaves a counted member
 * unauthorised (it is created AWAITING_AUTHORIZATION instead of VERIFYING).
 */
export class HouseholdFactory {
  private readonly random: () => number;
  private readonly issued = new Set<string>();
  private serial = 0;

  constructor(
    /** Today's date in China (UTC+8), YYYY-MM-DD: ages and authorisation dates are relative to it. */
    private readonly today: string,
    seed = 20261120,
  ) {
    this.random = prng(seed);
  }

  /** How many distinct ID numbers have been issued. */
  get idNumbersIssued(): number {
    return this.issued.size;
  }

  /** The next household, applying at `station`. */
  next(station: Station): ApplicationBody {
    const serial = ++this.serial;
    const size = this.pick(HOUSEHOLD_SIZES);
    const selfAge = this.int(22, 82);
    const surname = this.pick([...SURNAMES]);
    const members: MemberBody[] = [];
    const add = (relation: Relation, age: number, sameSurname = true): void => {
      if (members.length >= size || age < 0 || age > 110) return;
      members.push(this.member(relation, age, sameSurname ? surname : this.pick([...SURNAMES]), serial));
    };
    add('SELF', selfAge);
    if (size > 1 && selfAge >= 22 && this.random() < 0.75) add('SPOUSE', selfAge + this.int(-5, 5), false);
    const children = selfAge < 70 ? this.int(0, 3) : 0;
    for (let i = 0; i < children; i++) add('CHILD', selfAge - this.int(20, 38));
    if (selfAge < 55) add('PARENT', selfAge + this.int(22, 32));
    if (selfAge >= 55) add('GRANDCHILD', selfAge - this.int(45, 55));
    if (selfAge >= 50 && this.random() < 0.5) add('CHILD_IN_LAW', selfAge - this.int(22, 30), false);
    if (selfAge < 35) add('GRANDPARENT', selfAge + this.int(45, 55));
    while (members.length < size) {
      if (this.random() < 0.6) add('SIBLING', selfAge + this.int(-8, 8));
      else add('OTHER', this.int(18, 75), false);
    }

    // Some households wait for one member's signature (AWAITING_AUTHORIZATION).
    if (size > 1 && this.random() < 0.1) {
      const waiting = members.filter((m) => m.coResident && !m.exclusion && m.relation !== 'SELF');
      const member = waiting[this.int(0, waiting.length - 1)];
      if (member) member.authorization = null;
    }

    const programmeRoll = this.random();
    return {
      programme: programmeRoll < 0.6 ? 'DIBAO' : programmeRoll < 0.85 ? 'EDGE' : 'TEKUN',
      townshipCode: station.townshipCode,
      residence: station.residence,
      address: `${station.townshipName}${this.pick(STREETS)}${this.int(1, 399)}号${this.int(1, 6)}栋${this.int(101, 1802)}室`,
      hasAbleSupporter: this.random() < 0.05,
      staffRelative: this.random() < 0.01,
      members,
    };
  }

  private member(relation: Relation, age: number, surname: string, serial: number): MemberBody {
    const sex: 'M' | 'F' = this.random() < 0.5 ? 'M' : 'F';
    const idNumber = this.uniqueIdNumber(age, sex);
    const excluded = relation !== 'SELF' && this.random() < 0.03;
    const coResident = relation === 'SELF' || excluded || this.random() > 0.05;
    const employment = this.employmentAt(age);
    const wage = employment === 'EMPLOYED' ? this.int(180_000, 480_000) : 0;
    const flexible = employment === 'FLEXIBLE' ? this.int(60_000, 220_000) : 0;
    const pension = employment === 'RETIRED' ? this.int(90_000, 320_000) : 0;
    const minor = age < 18;
    return {
      name: `${surname}${this.pick([...GIVEN])}${this.random() < 0.6 ? this.pick([...GIVEN]) : ''}`,
      idNumber,
      relation,
      coResident,
      exclusion: excluded ? this.pick(EXCLUSIONS) : null,
      disability: this.random() < 0.08 ? { category: this.pick(DISABILITIES), grade: this.int(1, 4) } : null,
      employment,
      declaredMonthlyIncome: {
        wageFen: wage,
        businessFen: flexible > 0 && this.random() < 0.3 ? flexible : 0,
        propertyFen: this.random() < 0.1 ? this.int(10_000, 150_000) : 0,
        transferFen: pension + (this.random() < 0.2 ? this.int(5_000, 60_000) : 0),
        excludedFen: this.random() < 0.1 ? this.int(1_000, 30_000) : 0,
      },
      declaredAssets: {
        depositsFen: this.random() < 0.7 ? this.int(0, 6_000_000) : 0,
        securitiesFen: this.random() < 0.05 ? this.int(10_000, 2_000_000) : 0,
        vehicles: age >= 18 && this.random() < 0.08 ? 1 : 0,
        dwellings: relation === 'SELF' ? this.int(0, 2) : 0,
      },
      authorization: {
        signedAt: this.daysBeforeToday(this.int(0, 6)),
        signer: minor ? 'GUARDIAN' : this.random() < 0.95 ? 'SELF' : 'GUARDIAN',
        documentRef: `AUTH-${serial}-${relation}-${this.int(1000, 9999)}`,
      },
    };
  }

  private employmentAt(age: number): string {
    if (age < 6) return 'NONE';
    if (age < 22) return 'STUDENT';
    if (age >= 60) return this.random() < 0.6 ? 'RETIRED' : 'NONE';
    return this.pick(['EMPLOYED', 'EMPLOYED', 'FLEXIBLE', 'FLEXIBLE', 'UNEMPLOYED', 'NONE']);
  }

  /** A GB 11643 number with a birth date `age` years ago, unique across everything this factory issued. */
  private uniqueIdNumber(age: number, sex: 'M' | 'F'): string {
    const todayYear = Number(this.today.slice(0, 4));
    for (;;) {
      // Born on a random day of the year `age + 1` years ago, so the person is `age` today (or turns it soon).
      const year = Math.max(1900, todayYear - age - 1);
      const birth = new Date(Date.UTC(year, 0, 1) + this.int(0, 364) * 86_400_000).toISOString().slice(0, 10);
      // The sequence code's last digit is odd for men, even for women.
      const sequence = this.int(0, 499) * 2 + (sex === 'M' ? 1 : 0);
      const id = generateIdNumber(birth, sequence, this.pick(BIRTHPLACES));
      if (this.issued.has(id)) continue;
      this.issued.add(id);
      return id;
    }
  }

  private daysBeforeToday(days: number): string {
    return new Date(Date.parse(`${this.today}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
  }

  private int(min: number, max: number): number {
    return min + Math.floor(this.random() * (max - min + 1));
  }

  private pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.random() * items.length)]!;
  }
}
