import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Role, type AuthUser } from '@app/access';
import { ApplicationWorkflowService } from '@app/applications';
import { AreaLevel, countyOf } from '@app/areas';
import { PiiCipher } from '@app/privacy';
import {
  createVerifiedApplication,
  type ProviderSource,
  type VerifiedApplication,
  type VerifiedApplicationOptions,
} from './workflow-fixtures';

export interface EnrolledBeneficiary extends VerifiedApplication {
  beneficiaryId: string;
  /** Plain ID numbers of the members, in member order (for life events and mock pins in tests). */
  idNumbers: string[];
}

/** Township reviewer and county approver of a township, distinct from any creator (separation of duties). */
export function workflowUsers(townshipCode = '431102001'): { reviewer: AuthUser; approver: AuthUser } {
  const county = countyOf(townshipCode) ?? townshipCode.slice(0, 6);
  return {
    reviewer: {
      id: randomUUID(),
      username: `fixture-reviewer-${townshipCode}`,
      roles: [Role.TOWNSHIP_REVIEWER],
      areaCode: townshipCode,
      areaLevel: AreaLevel.TOWNSHIP,
    },
    approver: {
      id: randomUUID(),
      username: `fixture-approver-${county}`,
      roles: [Role.COUNTY_APPROVER],
      areaCode: county,
      areaLevel: AreaLevel.COUNTY,
    },
  };
}

/**
 * `createVerifiedApplication` draws random ID numbers; now that assisted households keep their persons claimed, a
 * drawn number may already be claimed by an earlier fixture of the same database. The fixture's transaction then
 * rolls back whole, so drawing again is safe.
 */
async function verifiedWithFreshPersons(
  app: ProviderSource,
  options: VerifiedApplicationOptions,
): Promise<VerifiedApplication> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await createVerifiedApplication(app, options);
    } catch (error) {
      const taken = error instanceof Error && error.message.includes('open_application_persons_pkey');
      if (!taken || attempt >= 10) throw error;
    }
  }
}

/**
 * An approved household on the beneficiary roll, through the real workflow: a VERIFIED application (see
 * `createVerifiedApplication`), the township review, the end of its public notice and the county's APPROVE, whose
 * transaction enrols the household (the beneficiaries lib must be loaded for its approval hook).
 */
export async function createBeneficiary(
  app: ProviderSource,
  options: VerifiedApplicationOptions,
): Promise<EnrolledBeneficiary> {
  const workflow = app.get(ApplicationWorkflowService);
  const dataSource = app.get(DataSource);
  const cipher = app.get(PiiCipher);
  const verified = await verifiedWithFreshPersons(app, options);
  const { reviewer, approver } = workflowUsers(options.townshipCode ?? '431102001');
  await workflow.townshipReview(reviewer, verified.applicationId, {
    opinion: 'RECOMMEND_APPROVE',
    comment: '情况属实',
    investigation: { visitedOn: '2026-11-20', investigators: ['李四', '王五'], findings: '属实' },
  });
  await workflow.endNotice(verified.applicationId, 'sweep', new Date(Date.now() + 30 * 86_400_000));
  await workflow.decide(approver, verified.applicationId, { decision: 'APPROVE' });
  const [row] = await dataSource.query<{ id: string }[]>(
    `SELECT id FROM beneficiaries WHERE application_id = $1`,
    [verified.applicationId],
  );
  if (!row) throw new Error('the approval enrolled no beneficiary (is the beneficiaries module loaded?)');
  const members = await dataSource.query<{ id_number_enc: string }[]>(
    `SELECT id_number_enc FROM application_members WHERE application_id = $1 ORDER BY position`,
    [verified.applicationId],
  );
  return {
    ...verified,
    beneficiaryId: row.id,
    idNumbers: members.map((m) => cipher.decrypt(m.id_number_enc)),
  };
}
