import type { MemberView } from '@app/applications';
import type { Recommendation } from '@app/eligibility';
import type { Proposal, ReviewCategory } from './review-rules';

export enum BeneficiaryStatus {
  ACTIVE = 'ACTIVE',
  UNDER_REVIEW = 'UNDER_REVIEW',
  GRADUAL_EXIT = 'GRADUAL_EXIT',
  STOPPED = 'STOPPED',
}

/** A beneficiary that still receives assistance: its members stay claimed against new applications (SPEC 11.1). */
export const ASSISTED_STATUSES: readonly BeneficiaryStatus[] = [
  BeneficiaryStatus.ACTIVE,
  BeneficiaryStatus.UNDER_REVIEW,
  BeneficiaryStatus.GRADUAL_EXIT,
];

export enum ReviewStatus {
  AWAITING_AUTHORIZATION = 'AWAITING_AUTHORIZATION',
  VERIFYING = 'VERIFYING',
  VERIFIED = 'VERIFIED',
  AWAITING_COUNTY_DECISION = 'AWAITING_COUNTY_DECISION',
  CLOSED = 'CLOSED',
}

export enum ReviewReason {
  PERIODIC = 'PERIODIC',
  LIFE_EVENT = 'LIFE_EVENT',
  COMPLAINT = 'COMPLAINT',
  CHANGE_REPORTED = 'CHANGE_REPORTED',
}

export enum ReviewResult {
  UNCHANGED = 'UNCHANGED',
  ADJUSTED = 'ADJUSTED',
  GRADUAL_EXIT = 'GRADUAL_EXIT',
  STOPPED = 'STOPPED',
  KEPT = 'KEPT',
}

export enum LifeEventType {
  DEATH = 'DEATH',
  EMPLOYMENT_STARTED = 'EMPLOYMENT_STARTED',
  HUKOU_MOVED_OUT = 'HUKOU_MOVED_OUT',
}

/** The kinds of entries in a beneficiary's history. */
export type HistoryChange =
  'ENROLLED' | 'INCREASE' | 'DECREASE' | 'GRADUAL_EXIT' | 'STOP' | 'STOPPED' | 'WITHDRAWN' | 'CATEGORY';

export interface BeneficiaryRow {
  id: string;
  applicationId: string;
  number: string;
  programme: string;
  status: BeneficiaryStatus;
  townshipCode: string;
  countyCode: string;
  residence: string;
  applicantName: string;
  monthlyBenefitFen: number;
  since: string;
  reviewCategory: ReviewCategory;
  nextReviewDueOn: string;
  lastReviewedOn: string | null;
  gradualExitFrom: string | null;
  gradualExitUntil: string | null;
  stoppedFrom: string | null;
  acceptedRunId: string | null;
  enrolledAt: Date;
  updatedAt: Date;
  version: number;
}

export interface HistoryEntry {
  at: string;
  change: HistoryChange;
  fromFen: number | null;
  toFen: number | null;
  effectiveMonth: string | null;
  reason: string | null;
  reviewId: string | null;
}

/** `GET /api/v1/beneficiaries/{id}` (SPEC 11.1). */
export interface BeneficiaryView {
  id: string;
  number: string;
  applicationId: string;
  programme: string;
  status: BeneficiaryStatus;
  townshipCode: string;
  countyCode: string;
  members: MemberView[];
  monthlyBenefitFen: number;
  since: string;
  reviewCategory: ReviewCategory;
  nextReviewDueOn: string;
  reviewOverdue: boolean;
  lastReviewedOn: string | null;
  gradualExit: { fromMonth: string; untilMonth: string } | null;
  history: HistoryEntry[];
  version: number;
}

/** One line of the list (no members, no history). */
export type BeneficiarySummary = Omit<BeneficiaryView, 'members' | 'history'> & { applicantName: string };

export interface TownshipOpinion {
  opinion: 'AGREE' | 'DISAGREE';
  comment: string;
  investigation: { visitedOn: string; investigators: string[]; findings: string } | null;
  reviewedBy: string;
  reviewedByUsername: string;
  reviewedAt: string;
}

export interface ReviewDecision {
  decision: 'APPROVE' | 'REJECT';
  reason: string | null;
  monthlyBenefitFen: number | null;
  reviewCategory: ReviewCategory | null;
  change: string;
  effectiveMonth: string | null;
  decidedBy: string;
  decidedByUsername: string;
  decidedAt: string;
}

/** One figure of the delta report: the last accepted value, the new one, and the source that changed it. */
export interface DeltaEntry {
  memberId: string;
  category: string;
  previous: number | null;
  current: number | null;
  changed: boolean;
  source: string | null;
}

export interface ReviewRow {
  id: string;
  beneficiaryId: string;
  applicationId: string;
  townshipCode: string;
  countyCode: string;
  reason: ReviewReason;
  note: string | null;
  status: ReviewStatus;
  result: ReviewResult | null;
  batchId: string | null;
  openedBy: string | null;
  openedByUsername: string;
  openedAt: Date;
  closedAt: Date | null;
  policyOn: string;
  reviewDueOn: string;
  awaitingDecisionSince: Date | null;
  currentRunId: string | null;
  recommendation: Recommendation | null;
  proposal: Proposal | null;
  delta: DeltaEntry[] | null;
  townshipReview: TownshipOpinion | null;
  decision: ReviewDecision | null;
  authorizedBy: string[];
  version: number;
}

/** `GET /api/v1/reviews/{id}` (SPEC 11.2). */
export interface ReviewView {
  id: string;
  beneficiaryId: string;
  number: string;
  reason: ReviewReason;
  note: string | null;
  status: ReviewStatus;
  result: ReviewResult | null;
  batchId: string | null;
  openedBy: string;
  openedAt: string;
  closedAt: string | null;
  verification: unknown;
  recommendation: Recommendation | null;
  proposal: Proposal | null;
  delta: DeltaEntry[] | null;
  townshipReview: TownshipOpinion | null;
  decision: ReviewDecision | null;
  deadlines: { reviewDueOn: string; decisionDueOn: string | null; overdue: boolean };
  version: number;
}

/** `GET /api/v1/review-batches/{id}` (SPEC 11.4). */
export interface ReviewBatchView {
  id: string;
  areaCode: string;
  dueOnOrBefore: string | null;
  programme: string | null;
  status: 'RUNNING' | 'COMPLETE';
  total: number;
  verifying: number;
  unchanged: number;
  awaitingDecision: number;
  closed: number;
  failed: number;
  startedAt: string;
  completedAt: string | null;
}
