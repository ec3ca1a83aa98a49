/** Chinese names of the API's enumerations (SPEC 12). */

export const STATUS_LABELS: Record<string, string> = {
  AWAITING_AUTHORIZATION: '待授权',
  VERIFYING: '核对中',
  VERIFIED: '核对完成',
  IN_PUBLIC_NOTICE: '公示中',
  AWAITING_COUNTY_DECISION: '待审核确认',
  APPROVED: '已批准',
  REJECTED: '不予批准',
  WITHDRAWN: '已撤回',
};

/** antd Tag colours per status. */
export const STATUS_COLORS: Record<string, string> = {
  AWAITING_AUTHORIZATION: 'orange',
  VERIFYING: 'processing',
  VERIFIED: 'cyan',
  IN_PUBLIC_NOTICE: 'purple',
  AWAITING_COUNTY_DECISION: 'gold',
  APPROVED: 'success',
  REJECTED: 'error',
  WITHDRAWN: 'default',
};

export const PROGRAMME_LABELS: Record<string, string> = {
  DIBAO: '最低生活保障',
  EDGE: '低保边缘',
  TEKUN: '特困人员供养',
};

export const RESIDENCE_LABELS: Record<string, string> = { URBAN: '城市', RURAL: '农村' };

export const RELATION_LABELS: Record<string, string> = {
  SELF: '申请人本人',
  SPOUSE: '配偶',
  CHILD: '子女',
  PARENT: '父母',
  GRANDPARENT: '祖父母/外祖父母',
  GRANDCHILD: '孙子女/外孙子女',
  SIBLING: '兄弟姐妹',
  OTHER: '其他',
};

export const EMPLOYMENT_LABELS: Record<string, string> = {
  EMPLOYED: '在职',
  FLEXIBLE: '灵活就业',
  UNEMPLOYED: '失业',
  RETIRED: '退休',
  STUDENT: '在校学生',
  NONE: '无',
};

export const EXCLUSION_LABELS: Record<string, string> = {
  PRISON: '服刑',
  DRUG_REHAB: '强制隔离戒毒',
  MISSING: '宣告失踪',
  RELIGIOUS_3Y: '出家三年以上',
};

export const DISABILITY_LABELS: Record<string, string> = {
  PHYSICAL: '肢体',
  VISUAL: '视力',
  HEARING: '听力',
  SPEECH: '言语',
  INTELLECTUAL: '智力',
  MENTAL: '精神',
  MULTIPLE: '多重',
};

export const ROLE_LABELS: Record<string, string> = {
  STATION_OPERATOR: '核对站工作人员',
  TOWNSHIP_REVIEWER: '乡镇审核人员',
  VERIFICATION_OFFICER: '县级核对机构',
  COUNTY_APPROVER: '县级民政审核确认',
  CITY_SUPERVISOR: '市级督导',
  AUDITOR: '审计',
  INTEGRATION: '系统对接',
  ADMIN: '系统管理员',
};

export const SOURCE_LABELS: Record<string, string> = {
  HUKOU: '公安户籍',
  VEHICLE: '公安交管',
  SOCIAL_SECURITY: '人社',
  REAL_ESTATE: '不动产登记',
  MARKET_REGULATION: '市场监管',
  TAX: '税务',
  HOUSING_FUND: '住房公积金',
  BANKING: '银行',
  CIVIL_AFFAIRS: '民政',
  DISABILITY: '残联',
  PUBLIC_PAYROLL: '编制/财政',
};

export const CHECK_LABELS: Record<string, string> = {
  PENDING: '核对中',
  SUCCEEDED: '有记录',
  NO_RECORD: '无记录',
  FAILED: '失败',
  NOT_AUTHORIZED: '未授权',
  CANCELLED: '已取消',
};

export const CHECK_COLORS: Record<string, string> = {
  PENDING: 'processing',
  SUCCEEDED: 'success',
  NO_RECORD: 'default',
  FAILED: 'error',
  NOT_AUTHORIZED: 'warning',
  CANCELLED: 'default',
};

export const OUTCOME_LABELS: Record<string, string> = {
  ELIGIBLE: '符合条件',
  INELIGIBLE: '不符合条件',
  NEEDS_REVIEW: '需人工核查',
};

export const RULE_RESULT_LABELS: Record<string, string> = { PASS: '通过', FAIL: '不通过', REVIEW: '需核查' };

export const RULE_LABELS: Record<string, string> = {
  INCOME: '家庭收入',
  FINANCIAL_ASSETS: '金融资产',
  VEHICLES: '机动车辆',
  DWELLINGS: '住房',
  ENTERPRISE: '经营企业',
  PUBLIC_PAYROLL: '财政供养',
  ALREADY_ASSISTED: '已享受救助',
  NO_LABOUR_CAPACITY: '无劳动能力',
  NO_ABLE_SUPPORTER: '无赡养扶养能力人',
  DATA_COMPLETE: '核对数据完整',
};

export const DISCREPANCY_LABELS: Record<string, string> = {
  UNDECLARED_WAGE: '未申报工资收入',
  UNDECLARED_PENSION: '未申报养老金',
  UNDECLARED_VEHICLE: '未申报车辆',
  UNDECLARED_PROPERTY: '未申报房产',
  UNDECLARED_DEPOSITS: '未申报存款',
  UNDECLARED_BUSINESS: '未申报经营',
  MEMBER_DECEASED: '成员已死亡',
  PUBLIC_PAYROLL: '财政供养人员',
  ALREADY_ASSISTED: '已享受救助',
  PERSON_NOT_FOUND: '查无此人',
};

export const DECISION_LABELS: Record<string, string> = {
  APPROVE: '批准',
  REJECT: '不予批准',
  RETURN: '退回',
};
export const OPINION_LABELS: Record<string, string> = {
  RECOMMEND_APPROVE: '建议批准',
  RECOMMEND_REJECT: '建议不予批准',
};

/** A label or, when unknown, the code itself (never a blank). */
export function label(map: Record<string, string>, code: string | null | undefined): string {
  if (code === null || code === undefined) return '—';
  return map[code] ?? code;
}
