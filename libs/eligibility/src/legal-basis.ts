import { type Programme } from './household.types';
import { isDemonstrationPolicy, type PolicyParameters } from './policy-parameters';

/*
 * Citations for the rule trace (shared/reference/domain-research.md §1, §3–§6, texts S1–S7). Article numbers
 * were checked against the full texts the research links. National texts set the tests and delegate the numbers
 * to the city (《社会救助暂行办法》第十条, 《特困人员认定办法》第七条), so each citation also names the policy
 * version that supplied them and flags the seeded Yongzhou set as demonstration parameters.
 */

const MEASURES = '《社会救助暂行办法》(国务院令第649号)';
const DIBAO_2021 = '《最低生活保障审核确认办法》(2021)';
const DIBAO_2012 = '《最低生活保障审核审批办法（试行）》(民发〔2012〕220号)';
const TEKUN_2021 = '《特困人员认定办法》(2021)';
const REFORM_2020 = '《关于改革完善社会救助制度的意见》(2020)';
const NOTICE_2022 = '《关于进一步做好最低生活保障等社会救助兜底工作的通知》(2022)';
const YONGZHOU_2014 = '永政办发〔2014〕14号 (city–county–township verification network)';

/** Which local values the rule applied, from which policy version; the seeded set is flagged as demonstration. */
function localRule(params: PolicyParameters, names: string): string {
  const demo = isDemonstrationPolicy(params)
    ? ' — demonstration parameters, not an official Yongzhou standard'
    : '';
  return `local rule (${names}): 永州市 policy version ${params.version}${demo}`;
}

/** The article that makes the household's property a condition of the programme. */
function propertyCondition(programme: Programme): string {
  switch (programme) {
    case 'DIBAO':
      return `${MEASURES}第九条、第十条第二款; ${DIBAO_2021}第十四条 (family property)`;
    case 'EDGE':
      return `${DIBAO_2021}第八条第二款; ${NOTICE_2022}一(四) (edge-family property conditions)`;
    case 'TEKUN':
      return `${TEKUN_2021}第六条、第七条 (property within the local 特困 property standard)`;
  }
}

export function incomeBasis(programme: Programme, params: PolicyParameters): string {
  switch (programme) {
    case 'DIBAO':
      return `${MEASURES}第九条、第十条 (per-capita income below the standard the city sets); ${DIBAO_2021}第十三条 (counted and excluded income); ${localRule(params, 'dibao standard')}`;
    case 'EDGE':
      return `${DIBAO_2021}第八条第二款; ${NOTICE_2022}一(四) (per-capita income below 1.5 × the dibao standard); ${MEASURES}第十条 (local standard); ${localRule(params, 'dibao standard, edgeMultiplier')}`;
    case 'TEKUN':
      return `${TEKUN_2021}第四条(二)、第六条 (无生活来源: income below the local dibao standard); ${MEASURES}第十条 (local standard); ${localRule(params, 'dibao standard')}`;
  }
}

export function financialAssetsBasis(programme: Programme, params: PolicyParameters): string {
  const months = programme === 'EDGE' ? 'edgeFinancialAssetMonths' : 'financialAssetMonths';
  return `${propertyCondition(programme)}; ${localRule(params, `${months}, dibao standard`)}`;
}

export function vehiclesBasis(programme: Programme, params: PolicyParameters): string {
  return `${propertyCondition(programme)}; ${DIBAO_2012}第十七条(二) (disability mobility vehicles excepted); ${localRule(params, 'vehicles = 0')}`;
}

export function dwellingsBasis(programme: Programme, params: PolicyParameters): string {
  return `${propertyCondition(programme)}; ${DIBAO_2021}第十四条 (property needed for the family's living may be exempted); ${localRule(params, 'maxDwellings')}`;
}

export function enterpriseBasis(programme: Programme, params: PolicyParameters): string {
  return `${propertyCondition(programme)}; ${DIBAO_2021}第十七条 (market-entity registration is verified); ${localRule(params, 'enterpriseCapitalLimitFen')}`;
}

export const PUBLIC_PAYROLL_BASIS = `${NOTICE_2022}一(一) (no household is judged by occupation or status without investigation, hence REVIEW); ${DIBAO_2021}第十三条(一) (wage income)`;

export const ALREADY_ASSISTED_BASIS = `${NOTICE_2022}三(一) (prevent duplicate inclusion); ${DIBAO_2021}第十三条第二款(二) (assistance received is not income)`;

export const NO_LABOUR_CAPACITY_BASIS = `${TEKUN_2021}第四条(一)、第五条 (aged 60 or over, minors, qualifying disability grades); ${REFORM_2020}二(二)5 (minors covered up to 18)`;

export const NO_ABLE_SUPPORTER_BASIS = `${MEASURES}第十四条; ${TEKUN_2021}第四条(三)、第八条 (no legal supporter able to fulfil the obligation)`;

export const DATA_COMPLETE_BASIS = `${MEASURES}第五十八条; ${DIBAO_2021}第十七条、第十八条 (information verification; the applicant is heard before a negative finding); ${YONGZHOU_2014}`;
