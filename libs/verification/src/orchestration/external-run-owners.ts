import { Injectable } from '@nestjs/common';
import type { Tx } from '@app/database';

/**
 * Who else may own a verification run besides an application (SPEC 11.2: a review re-verifies a beneficiary household
 * through the same pipeline). Registered at module init by the owning lib, so this lib does not depend on it.
 */
export interface ExternalRunOwner {
  /** True when `runId` is this owner's; the completion then leaves the run to it. */
  owns(runId: string, tx: Tx): Promise<boolean>;
  /** Completes the run inside the completion's transaction (report, recommendation, the owner's transition). */
  complete(tx: Tx, runId: string): Promise<boolean>;
}

@Injectable()
export class ExternalRunOwners {
  private readonly owners: ExternalRunOwner[] = [];

  register(owner: ExternalRunOwner): void {
    if (!this.owners.includes(owner)) this.owners.push(owner);
  }

  async ownerOf(runId: string, tx: Tx): Promise<ExternalRunOwner | null> {
    for (const owner of this.owners) if (await owner.owns(runId, tx)) return owner;
    return null;
  }
}
