/** Contract strings of SPEC 3.1. */
export enum Programme {
  DIBAO = 'DIBAO',
  EDGE = 'EDGE',
  TEKUN = 'TEKUN',
}

export enum Residence {
  URBAN = 'URBAN',
  RURAL = 'RURAL',
}

export enum Relation {
  SELF = 'SELF',
  SPOUSE = 'SPOUSE',
  CHILD = 'CHILD',
  PARENT = 'PARENT',
  SIBLING = 'SIBLING',
  GRANDPARENT = 'GRANDPARENT',
  GRANDCHILD = 'GRANDCHILD',
  CHILD_IN_LAW = 'CHILD_IN_LAW',
  OTHER = 'OTHER',
}

/** Members so marked are not counted in the household (《最低生活保障审核确认办法》第八条). */
export enum Exclusion {
  PRISON = 'PRISON',
  DRUG_REHAB = 'DRUG_REHAB',
  MISSING = 'MISSING',
  RELIGIOUS_3Y = 'RELIGIOUS_3Y',
}

export enum DisabilityCategory {
  PHYSICAL = 'PHYSICAL',
  VISUAL = 'VISUAL',
  HEARING = 'HEARING',
  SPEECH = 'SPEECH',
  INTELLECTUAL = 'INTELLECTUAL',
  MENTAL = 'MENTAL',
  MULTIPLE = 'MULTIPLE',
}

export enum Employment {
  EMPLOYED = 'EMPLOYED',
  FLEXIBLE = 'FLEXIBLE',
  UNEMPLOYED = 'UNEMPLOYED',
  RETIRED = 'RETIRED',
  STUDENT = 'STUDENT',
  NONE = 'NONE',
}

export enum Signer {
  SELF = 'SELF',
  GUARDIAN = 'GUARDIAN',
}
