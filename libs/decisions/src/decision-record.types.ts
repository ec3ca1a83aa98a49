import {
  type HouseholdInput,
  type PolicyParameters,
  type Recommendation,
  type SourceCode,
  type VerifiedFacts,
} from '@app/eligibility';

/** Names the layout of the record, so a verifier knows how to read a record of any age. */
export const DECISION_RECORD_SCHEMA = 'hev.decision-record/1';

/** One check's answer as the verification stored it: whatever the source answered (null when nothing). */
export interface SourceResponseInput {
  readonly source: SourceCode;
  readonly memberId: string;
  /** The check's final state (SUCCEEDED, NO_RECORD, FAILED, NOT_AUTHORIZED, CANCELLED). */
  readonly status: string;
  readonly response: unknown;
}

/** A source response in the record, with the SHA-256 (hex) of the response's canonical JSON. */
export interface RecordedSourceResponse extends SourceResponseInput {
  readonly sha256: string;
}

/** The policy version the rules ran with, and every value of it. */
export interface RecordedPolicy {
  readonly version: string;
  readonly areaCode: string;
  readonly effectiveFrom: string;
  readonly legalBasis: string;
  readonly values: Omit<PolicyParameters, 'version'>;
}

export type CountyDecisionKind = 'APPROVE' | 'REJECT' | 'RETURN';

/** A county decision as the record keeps it (SPEC 6.5 "at the county decision it adds the decision"). */
export interface RecordedDecision {
  readonly seq: number;
  readonly decisionId: string;
  readonly decision: CountyDecisionKind;
  readonly reason: string | null;
  readonly monthlyBenefitFen: number | null;
  readonly effectiveMonth: string | null;
  /** APPROVE against a recommendation that was not ELIGIBLE. */
  readonly override: boolean;
  readonly decidedBy: { readonly userId: string; readonly username: string };
  readonly decidedAt: string;
}

/** What is stored at the recommendation: everything needed to re-run the rules and to check each source answer. */
export interface DecisionRecordContent {
  readonly schema: typeof DECISION_RECORD_SCHEMA;
  readonly recordId: string;
  readonly applicationId: string;
  readonly applicationNumber: string;
  readonly runId: string;
  readonly recordedAt: string;
  /** The household snapshot as the engine saw it (member ids, no names, no ID numbers). */
  readonly household: HouseholdInput;
  /** Every check of the run with its response and that response's SHA-256. */
  readonly sources: readonly RecordedSourceResponse[];
  /** The normalised facts the engine read. */
  readonly facts: VerifiedFacts;
  readonly policy: RecordedPolicy;
  /** Outcome, amount, alternative programme, the rule trace and the assessment. */
  readonly recommendation: Recommendation;
}

/** The record as signed and served: the content plus the decisions added so far (none at first). */
export interface DecisionRecordDocument extends DecisionRecordContent {
  readonly decisions: readonly RecordedDecision[];
}

/** `GET /api/v1/applications/{id}/decision-record`. */
export interface SignedDecisionRecord {
  readonly record: DecisionRecordDocument;
  /** SHA-256 (hex) of the canonical JSON (RFC 8785) of `record`. */
  readonly recordHash: string;
  /** Base64 Ed25519 signature of the same canonical JSON bytes. */
  readonly signature: string;
  readonly signatureAlgorithm: 'Ed25519';
  /** The RFC 7638 thumbprint of the public key published at `GET /api/v1/keys`. */
  readonly keyId: string;
}

/** What the verification hands over at every recommendation. */
export interface RecordRecommendationInput {
  readonly applicationId: string;
  readonly applicationNumber: string;
  readonly runId: string;
  readonly household: HouseholdInput;
  readonly sources: readonly SourceResponseInput[];
  readonly facts: VerifiedFacts;
  /** The effective policy (SPEC 6.1) the recommendation was computed with; `version` is its id. */
  readonly policy: PolicyParameters & {
    readonly areaCode: string;
    readonly effectiveFrom: string;
    readonly legalBasis: string;
  };
  readonly recommendation: Recommendation;
  readonly recordedAt?: Date;
}

export interface AppendDecisionInput {
  readonly decisionId: string;
  readonly decision: CountyDecisionKind;
  readonly reason: string | null;
  readonly monthlyBenefitFen: number | null;
  readonly effectiveMonth: string | null;
  readonly override: boolean;
  readonly decidedBy: { readonly userId: string; readonly username: string };
  readonly decidedAt: Date;
}

/** The part of a stored recommendation the workflow needs. */
export interface StoredRecommendation {
  readonly recordId: string;
  readonly runId: string;
  readonly outcome: Recommendation['outcome'];
  readonly monthlyBenefitFen: number;
}

/** Result of checking a signed record. */
export interface RecordCheck {
  readonly hashValid: boolean;
  readonly signatureValid: boolean;
}
