import { Injectable } from '@nestjs/common';
import type { Tx } from '@app/database';
import type { HouseholdInput, Recommendation, VerifiedFacts } from '@app/eligibility';
import type { EffectivePolicy } from '@app/policy';
import type { VerificationResult } from '../persistence/verification-result.entity';
import type { VerificationReportBody } from '../report/verification-report.types';

/** Who waits for a verification run (issue 11): an application (SPEC 5.3) or a beneficiary review (SPEC 11.2). */
export type RunOwnerKind = 'APPLICATION' | 'REVIEW';

/** The owner of a run: `verification_runs.owner_kind` and `owner_id`. */
export interface RunOwnerRef {
  kind: RunOwnerKind;
  id: string;
}

/** What a run verifies, as its owner states it at completion. */
export interface RunSubject {
  /** The household the rules assess (ages and members as of the owner's date). */
  household: HouseholdInput;
  /** Where and on which date the policy parameters are looked up (SPEC 6.1). */
  policyAreaCode: string;
  policyOn: string;
  /** The owner's number (application number or review number), for the report and the decision record. */
  number: string;
  /** The owner's audit chain (its county). */
  chain: string;
}

/** A finished run, handed to its owner inside the completion transaction. */
export interface CompletedRunOutcome {
  runId: string;
  runStatus: 'COMPLETE' | 'INCOMPLETE';
  report: VerificationReportBody;
  recommendation: Recommendation;
  household: HouseholdInput;
  facts: VerifiedFacts;
  /** The effective policy the rules ran with (`version` = policy_parameter_versions id). */
  params: EffectivePolicy;
  /** Every source answer of the run, each with its response SHA-256. */
  results: readonly VerificationResult[];
  checks: readonly { source: string; memberId: string; status: string }[];
  completedAt: Date;
}

/**
 * An owner of verification runs. The pipeline completes a run whose checks are all final in one transaction: it
 * locks the run, asks the owner what the run verifies (`lockForCompletion`), writes the report and the signed
 * decision record (SPEC 5.4, 6.5), marks the run COMPLETE or INCOMPLETE, and calls `completed`, where the owner makes
 * its own transition with its audit entry and outbox event.
 */
export interface VerificationRunOwner {
  readonly kind: RunOwnerKind;
  /** Locks the owner inside tx and says what the run verifies; null = the owner no longer waits for this run (the run is cancelled). */
  lockForCompletion(tx: Tx, ownerId: string, runId: string): Promise<RunSubject | null>;
  /** The owner's own transition, audit entry and outbox event for the finished run, inside the same tx. */
  completed(tx: Tx, ownerId: string, outcome: CompletedRunOutcome): Promise<void>;
}

/** Thrown when a run names an owner kind no module registered: the run stays RUNNING (the reconciler retries). */
export class UnknownRunOwnerError extends Error {
  override readonly name = 'UnknownRunOwnerError';
}

/**
 * The owners of verification runs, by kind. An owner's module registers it on module init (e.g. the beneficiaries'
 * review owner); the pipeline's completion asks the registry for the owner named by the run.
 */
@Injectable()
export class RunOwnerRegistry {
  private readonly owners = new Map<RunOwnerKind, VerificationRunOwner>();

  register(owner: VerificationRunOwner): void {
    const existing = this.owners.get(owner.kind);
    if (existing && existing !== owner)
      throw new Error(`A run owner of kind ${owner.kind} is already registered`);
    this.owners.set(owner.kind, owner);
  }

  get(kind: RunOwnerKind): VerificationRunOwner {
    const owner = this.owners.get(kind);
    if (!owner) throw new UnknownRunOwnerError(`No verification run owner of kind ${kind} is registered`);
    return owner;
  }

  has(kind: RunOwnerKind): boolean {
    return this.owners.has(kind);
  }
}
