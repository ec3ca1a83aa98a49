import { Injectable } from '@nestjs/common';
import { actorOf, Role, type AuthUser } from '@app/access';
import { ApplicationRepository, ApplicationsService, type VerificationRunStatus } from '@app/applications';
import { AuditService } from '@app/audit';
import { DomainError } from '@app/common';
import { SOURCE_CODES, type Recommendation } from '@app/eligibility';
import { VerificationRepository } from './persistence/verification.repository';
import { type VerificationReportBody } from './report/verification-report.types';

/** The latest finished run's report and recommendation of an application (what the workflow reads). */
export interface StoredVerificationOutcome {
  runId: string;
  /** COMPLETE or INCOMPLETE. */
  runStatus: string;
  report: VerificationReportBody;
  /** SPEC 6.4 "Recommendation view". */
  recommendation: Recommendation;
  /** The policy_parameter_versions id the rules ran with. */
  policyVersion: string;
  createdAt: string;
}

export interface CheckView {
  source: string;
  memberId: string;
  status: string;
  attempts: number;
  completedAt: string | null;
  error: string | null;
}

/** SPEC 5.3 run view. */
export interface VerificationRunView {
  runId: string;
  status: VerificationRunStatus;
  startedAt: string;
  completedAt: string | null;
  checks: CheckView[];
  report: VerificationReportBody | null;
  recommendation: Recommendation | null;
}

/** One normalised source answer about one member, with the masked response and its SHA-256. */
export interface SourceResponseView {
  source: string;
  memberId: string;
  idNumberMasked: string;
  outcome: 'FOUND' | 'NO_RECORD';
  facts: unknown;
  response: unknown;
  responseSha256: string;
  receivedAt: string;
}

export interface SourcesView {
  runId: string;
  status: VerificationRunStatus;
  results: SourceResponseView[];
}

/** Roles that may read raw source results (SPEC 3.2). */
export const SOURCE_READER_ROLES: readonly Role[] = [
  Role.VERIFICATION_OFFICER,
  Role.COUNTY_APPROVER,
  Role.AUDITOR,
];

/** Read side of verification: run views, raw source answers (audited) and the stored recommendation. */
@Injectable()
export class VerificationQueryService {
  constructor(
    private readonly repository: VerificationRepository,
    private readonly applications: ApplicationsService,
    private readonly applicationRepository: ApplicationRepository,
    private readonly audit: AuditService,
  ) {}

  /** The report and recommendation of the application's most recently finished run, or null before the first. */
  async latestOutcome(applicationId: string): Promise<StoredVerificationOutcome | null> {
    const row = await this.repository.latestReport(applicationId);
    return row
      ? {
          runId: row.runId,
          runStatus: row.runStatus,
          report: row.report,
          recommendation: row.recommendation,
          policyVersion: row.policyVersion,
          createdAt: row.createdAt.toISOString(),
        }
      : null;
  }

  /** Every source answer of one run with its SHA-256 (for the decision record, SPEC 6.5). */
  async sourceResponses(runId: string): Promise<Omit<SourceResponseView, 'idNumberMasked'>[]> {
    const results = await this.repository.resultsOf(runId);
    return results.map((r) => ({
      source: r.source,
      memberId: r.memberId,
      outcome: r.outcome,
      facts: r.facts,
      response: r.response,
      responseSha256: r.responseSha256,
      receivedAt: r.receivedAt.toISOString(),
    }));
  }

  /** `GET /applications/{id}/verification`: the latest run with its checks, report and recommendation. */
  async runView(actor: AuthUser, applicationId: string, ip?: string | null): Promise<VerificationRunView> {
    const app = await this.applications.loadInScope(actor, applicationId, ip);
    const run = await this.repository.latestRun(app.id);
    if (!run) throw DomainError.notFound('Verification run');
    // SPEC 8: every read of a verification is audited.
    await this.audit.appendInOwnTransaction({
      action: 'verification.viewed',
      actor: actorOf(actor, actor.roles[0] ?? null),
      areaCode: app.townshipCode,
      applicationId: app.id,
      detail: { number: app.number, runId: run.id },
      ip: ip ?? null,
    });
    const [checks, report, members] = await Promise.all([
      this.repository.checksOf(run.id),
      this.repository.reportOf(run.id),
      this.applicationRepository.findMembers(app.id),
    ]);
    // Household order, then the source order of SPEC 5.1.
    const position = new Map(members.map((m) => [m.id, m.position]));
    const sourceOrder = (source: string) => (SOURCE_CODES as readonly string[]).indexOf(source);
    checks.sort(
      (a, b) =>
        (position.get(a.memberId) ?? 0) - (position.get(b.memberId) ?? 0) ||
        sourceOrder(a.source) - sourceOrder(b.source),
    );
    return {
      runId: run.id,
      status: run.status,
      startedAt: run.startedAt.toISOString(),
      completedAt: run.completedAt?.toISOString() ?? null,
      checks: checks.map((c) => ({
        source: c.source,
        memberId: c.memberId,
        status: c.status,
        attempts: c.attempts,
        completedAt: c.completedAt?.toISOString() ?? null,
        error: c.error,
      })),
      report: report?.report ?? null,
      recommendation: report?.recommendation ?? null,
    };
  }

  /** `GET /applications/{id}/verification/sources`: the latest run's normalised answers; every read is audited. */
  async sourcesView(actor: AuthUser, applicationId: string, ip?: string | null): Promise<SourcesView> {
    const role = actor.roles.find((r) => SOURCE_READER_ROLES.includes(r));
    if (!role) throw DomainError.forbidden();
    const app = await this.applications.loadInScope(actor, applicationId, ip);
    const run = await this.repository.latestRun(app.id);
    if (!run) throw DomainError.notFound('Verification run');
    const [results, members] = await Promise.all([
      this.repository.resultsOf(run.id),
      this.applicationRepository.findMembers(app.id),
    ]);
    const masked = new Map(members.map((m) => [m.id, m.idNumberMasked]));
    await this.audit.appendInOwnTransaction({
      action: 'sources.viewed',
      actor: actorOf(actor, role),
      areaCode: app.townshipCode,
      applicationId: app.id,
      detail: { number: app.number, runId: run.id, results: results.length },
      ip: ip ?? null,
    });
    return {
      runId: run.id,
      status: run.status,
      results: results.map((r) => ({
        source: r.source,
        memberId: r.memberId,
        idNumberMasked: masked.get(r.memberId) ?? '',
        outcome: r.outcome,
        facts: r.facts,
        response: r.response,
        responseSha256: r.responseSha256,
        receivedAt: r.receivedAt.toISOString(),
      })),
    };
  }
}
