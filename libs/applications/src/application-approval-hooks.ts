import { Injectable } from '@nestjs/common';
import type { AuditActor } from '@app/audit';
import type { Tx } from '@app/database';
import type { ApplicationMember } from './application-member.entity';
import type { Application } from './application.entity';
import type { CountyDecision } from './county-decision.entity';

/** An application that a county approver has just approved, inside the decision's transaction. */
export interface ApprovedApplication {
  application: Application;
  members: ApplicationMember[];
  decision: CountyDecision;
  /** The run whose recommendation was decided on. */
  runId: string;
  actor: AuditActor;
  ip: string | null;
}

/**
 * A port for what follows an approval (SPEC 11.1: the beneficiary roll enrols the household in the same transaction),
 * so that libs/applications does not depend on the lib that implements it.
 */
export interface ApplicationApprovalHook {
  /** Runs in the decision's transaction; a throw rolls the decision back. */
  onApproved(tx: Tx, approved: ApprovedApplication): Promise<void>;
}

/** Where approval hooks register (at module init); the decision calls every one of them. */
@Injectable()
export class ApplicationApprovalHooks {
  private readonly hooks: ApplicationApprovalHook[] = [];

  register(hook: ApplicationApprovalHook): void {
    if (!this.hooks.includes(hook)) this.hooks.push(hook);
  }

  /**
   * Runs every hook; true when at least one ran. A hook takes over the approved household's persons: their claims
   * (duplicate protection) then stay until the hook's own lifecycle releases them.
   */
  async approved(tx: Tx, approved: ApprovedApplication): Promise<boolean> {
    for (const hook of this.hooks) await hook.onApproved(tx, approved);
    return this.hooks.length > 0;
  }
}
