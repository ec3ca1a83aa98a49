import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * SPEC 8 / 11.3: a beneficiary's benefit history (every start, change, suspension and stop) is written once and
 * never changed. The runtime role gets DML on later tables through the owner's default privileges (migration
 * 1765100001000), so this append-only table takes UPDATE, DELETE and TRUNCATE back itself.
 */
export class BeneficiaryHistoryAppendOnly1765400002000 implements MigrationInterface {
  name = 'BeneficiaryHistoryAppendOnly1765400002000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`REVOKE UPDATE, DELETE, TRUNCATE ON beneficiary_history FROM hev_runtime`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`GRANT UPDATE, DELETE ON beneficiary_history TO hev_runtime`);
  }
}
