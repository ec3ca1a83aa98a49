/** The side menu: an entry appears only for the roles that may use the page behind it (SPEC 2.2, CONSOLE.md). */
export interface MenuEntry {
  path: string;
  label: string;
  roles: readonly string[] | 'all';
}

export const MENU: readonly MenuEntry[] = [
  { path: '/', label: '工作台', roles: 'all' },
  { path: '/applications', label: '申请列表', roles: 'all' },
  { path: '/applications/new', label: '新建申请', roles: ['STATION_OPERATOR'] },
  { path: '/beneficiaries', label: '在保家庭', roles: 'all' },
  { path: '/review-batches', label: '批量核查', roles: ['VERIFICATION_OFFICER', 'CITY_SUPERVISOR'] },
  { path: '/reports/workload', label: '工作量报表', roles: ['CITY_SUPERVISOR', 'COUNTY_APPROVER'] },
  { path: '/reports/sources', label: '数据源报表', roles: ['CITY_SUPERVISOR', 'VERIFICATION_OFFICER'] },
  { path: '/audit', label: '审计查询', roles: ['AUDITOR', 'CITY_SUPERVISOR'] },
  { path: '/users', label: '用户管理', roles: ['ADMIN'] },
  { path: '/policy', label: '政策参数', roles: 'all' },
  { path: '/calendar', label: '工作日历', roles: ['ADMIN'] },
];

export function menuFor(roles: readonly string[]): MenuEntry[] {
  return MENU.filter((e) => e.roles === 'all' || e.roles.some((r) => roles.includes(r)));
}
