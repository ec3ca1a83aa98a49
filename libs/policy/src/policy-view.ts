import { type PolicyParameters } from '@app/eligibility';
import { type PolicyParameterVersion } from './policy-parameter-version.entity';
import { pickPolicyValues, type PolicyValues, type ReviewPolicyValues } from './policy-version-validation';

/** The id of the seeded Yongzhou demonstration set (area 431100, effective 2026-01-01), fixed by its migration. */
export const YONGZHOU_DEMO_POLICY_VERSION_ID = '00000000-0000-4000-8000-431100260101';

/** The parameters that apply to an area on a date, and where they come from (SPEC 6.1). */
export type EffectivePolicy = PolicyParameters &
  ReviewPolicyValues & {
    /** The area whose version applied: the county's over the city's. */
    readonly areaCode: string;
    readonly effectiveFrom: string;
    readonly legalBasis: string;
  };

/** `GET /api/v1/policy/parameters`. */
export interface EffectivePolicyView {
  areaCode: string;
  effectiveFrom: string;
  legalBasis: string;
  version: string;
  values: PolicyValues;
}

/** A stored version, as `POST /api/v1/policy/parameters` answers it. */
export interface PolicyVersionView extends EffectivePolicyView {
  createdBy: string | null;
  createdAt: string;
}

export function toEffectivePolicy(row: PolicyParameterVersion): EffectivePolicy {
  return {
    ...pickPolicyValues(row.values),
    version: row.id,
    areaCode: row.areaCode,
    effectiveFrom: row.effectiveFrom,
    legalBasis: row.legalBasis,
  };
}

export function toEffectivePolicyView(policy: EffectivePolicy): EffectivePolicyView {
  const { version, areaCode, effectiveFrom, legalBasis, ...values } = policy;
  return { areaCode, effectiveFrom, legalBasis, version, values: pickPolicyValues(values) };
}

export function toPolicyVersionView(row: PolicyParameterVersion): PolicyVersionView {
  return {
    areaCode: row.areaCode,
    effectiveFrom: row.effectiveFrom,
    legalBasis: row.legalBasis,
    version: row.id,
    values: pickPolicyValues(row.values),
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
  };
}
