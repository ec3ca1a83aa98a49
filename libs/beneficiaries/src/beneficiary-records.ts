import { Injectable } from '@nestjs/common';
import { AuditService, type AuditActor } from '@app/audit';
import type { Tx } from '@app/database';
import { EventType, OutboxService } from '@app/events';
import type { BeneficiaryRow } from './beneficiary.types';

/** The platform itself as the actor of what timers, sweeps and automatic closes do. */
export const SYSTEM: AuditActor = { userId: null, username: 'system', role: null, areaCode: null };

/** What every beneficiary event carries (SPEC 11.4, docs/asyncapi.yaml); never a name or an ID number. */
export function beneficiaryEventData(b: BeneficiaryRow): Record<string, unknown> {
  return {
    beneficiaryId: b.id,
    applicationId: b.applicationId,
    number: b.number,
    programme: b.programme,
    status: b.status,
    townshipCode: b.townshipCode,
    countyCode: b.countyCode,
    monthlyBenefitFen: b.monthlyBenefitFen,
  };
}

/** The audit entry and the event of a beneficiary's state change, in the change's transaction. */
@Injectable()
export class BeneficiaryRecords {
  constructor(
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
  ) {}

  async audited(
    tx: Tx,
    actor: AuditActor,
    b: BeneficiaryRow,
    action: string,
    detail: Record<string, unknown>,
    ip?: string | null,
  ): Promise<void> {
    await this.audit.append(tx, {
      action,
      actor,
      areaCode: b.townshipCode,
      // The audit trail of the application that enrolled the household carries its whole life.
      applicationId: b.applicationId,
      detail: { beneficiaryId: b.id, number: b.number, ...detail },
      ip: ip ?? null,
    });
  }

  async event(
    tx: Tx,
    type: EventType,
    b: BeneficiaryRow,
    extra: Record<string, unknown> = {},
  ): Promise<void> {
    await this.outbox.addEvent(tx, {
      type,
      subject: b.id,
      areaCode: b.townshipCode,
      data: { ...beneficiaryEventData(b), ...extra },
    });
  }
}
