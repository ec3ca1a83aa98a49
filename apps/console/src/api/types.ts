import type { components } from './schema';

/** Short names for the generated schemas the pages use. */
type S = components['schemas'];
export type ApplicationView = S['ApplicationViewDto'];
export type MemberView = S['MemberViewDto'];
export type ApplicationSummary = S['ApplicationSummaryDto'];
export type VerificationRun = S['VerificationRunViewDto'];
export type VerificationReport = S['VerificationReportDto'];
export type Recommendation = S['RecommendationDto'];
export type CreateApplication = S['CreateApplicationDto'];
export type CreateMember = S['MemberDto'];
export type SignedDecisionRecord = S['SignedDecisionRecordDto'];
export type AuditEntry = S['AuditEntryDto'];
