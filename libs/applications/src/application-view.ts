import type { ApplicationStatus } from './application-status';
import type { Employment, Exclusion, Programme, Relation, Residence } from './application.enums';
import type { ApplicationMember, Assets, Disability, MonthlyIncome } from './application-member.entity';
import type { Application } from './application.entity';
import type { DecisionKind } from './county-decision.entity';
import type { Deadlines } from './deadlines';
import type { NoticeEndReason } from './public-notice.entity';
import type { Investigation, ReviewOpinion } from './township-review.entity';

export interface MemberView {
  id: string;
  name: string;
  idNumberMasked: string;
  relation: Relation;
  age: number;
  sex: 'M' | 'F';
  counted: boolean;
  coResident: boolean;
  exclusion: Exclusion | null;
  disability: Disability | null;
  employment: Employment;
  declaredMonthlyIncome: MonthlyIncome;
  declaredAssets: Assets;
  authorization: { signedAt: string; signer: string; documentRef: string } | null;
}

export interface TownshipReviewView {
  opinion: ReviewOpinion;
  comment: string;
  investigation: Investigation | null;
  /** Username of the reviewer. */
  reviewedBy: string;
  reviewedAt: string;
}

export interface ObjectionView {
  receivedOn: string;
  summary: string;
  recordedBy: string;
  recordedAt: string;
}

export interface PublicNoticeView {
  startedAt: string;
  endsAt: string;
  endedAt: string | null;
  /** EXPIRED (period over, no objection), OBJECTION, or CANCELLED (the case left the workflow); null while running. */
  endReason: NoticeEndReason | null;
  objections: ObjectionView[];
}

export interface DecisionView {
  decision: DecisionKind;
  reason: string | null;
  monthlyBenefitFen: number | null;
  effectiveMonth: string | null;
  decidedBy: string;
  decidedAt: string;
}

/** The workflow parts of the view; all null until the case gets there. */
export interface WorkflowViewParts {
  recommendation: { outcome: string; monthlyBenefitFen: number } | null;
  townshipReview: TownshipReviewView | null;
  publicNotice: PublicNoticeView | null;
  decision: DecisionView | null;
}

export const NO_WORKFLOW: WorkflowViewParts = {
  recommendation: null,
  townshipReview: null,
  publicNotice: null,
  decision: null,
};

/** SPEC 3.3. Full ID numbers never appear here: only the mask (first 6 + last 4). */
export interface ApplicationView {
  id: string;
  number: string;
  programme: Programme;
  status: ApplicationStatus;
  townshipCode: string;
  countyCode: string;
  residence: Residence;
  address: string;
  hasAbleSupporter: boolean;
  staffRelative: boolean;
  members: MemberView[];
  recommendation: { outcome: string; monthlyBenefitFen: number } | null;
  townshipReview: TownshipReviewView | null;
  publicNotice: PublicNoticeView | null;
  decision: DecisionView | null;
  deadlines: Deadlines;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface ApplicationSummary {
  id: string;
  number: string;
  programme: Programme;
  status: ApplicationStatus;
  townshipCode: string;
  countyCode: string;
  applicantName: string;
  members: number;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export function toMemberView(m: ApplicationMember): MemberView {
  return {
    id: m.id,
    name: m.name,
    idNumberMasked: m.idNumberMasked,
    relation: m.relation,
    age: m.age,
    sex: m.sex,
    counted: m.counted,
    coResident: m.coResident,
    exclusion: m.exclusion,
    disability: m.disability,
    employment: m.employment,
    declaredMonthlyIncome: m.declaredIncome,
    declaredAssets: m.declaredAssets,
    authorization: m.authorization
      ? {
          signedAt: m.authorization.signedAt,
          signer: m.authorization.signer,
          documentRef: m.authorization.documentRef,
        }
      : null,
  };
}

export function toApplicationView(
  app: Application,
  members: ApplicationMember[],
  deadlines: Deadlines,
  workflow: WorkflowViewParts = NO_WORKFLOW,
): ApplicationView {
  return {
    id: app.id,
    number: app.number,
    programme: app.programme,
    status: app.status,
    townshipCode: app.townshipCode,
    countyCode: app.countyCode,
    residence: app.residence,
    address: app.address,
    hasAbleSupporter: app.hasAbleSupporter,
    staffRelative: app.staffRelative,
    members: [...members].sort((a, b) => a.position - b.position).map(toMemberView),
    recommendation:
      app.recommendationOutcome === null
        ? workflow.recommendation
        : { outcome: app.recommendationOutcome, monthlyBenefitFen: app.recommendationBenefitFen ?? 0 },
    townshipReview: workflow.townshipReview,
    publicNotice: workflow.publicNotice,
    decision: workflow.decision,
    deadlines,
    createdAt: app.createdAt.toISOString(),
    updatedAt: app.updatedAt.toISOString(),
    version: app.version,
  };
}
