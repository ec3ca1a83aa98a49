import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 11 item 1: a verification run names its owner, `{ kind: 'APPLICATION' | 'REVIEW', id }`, so that a review
 * (SPEC 11.2) can own runs the way an application does. Existing runs are the applications' own (backfilled).
 * `application_id` stays: checks reference `application_members`, and a review's run reuses the members of the
 * application that enrolled the household.
 */
export class VerificationRunOwner1765300001000 implements MigrationInterface {
  name = 'VerificationRunOwner1765300001000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE verification_runs ADD COLUMN owner_kind varchar(16) NOT NULL DEFAULT 'APPLICATION',
                                     ADD COLUMN owner_id uuid NULL`,
    );
    await q.query(`UPDATE verification_runs SET owner_id = application_id WHERE owner_id IS NULL`);
    await q.query(
      `ALTER TABLE verification_runs ADD CONSTRAINT chk_verification_runs_owner_kind
         CHECK (owner_kind IN ('APPLICATION', 'REVIEW'))`,
    );
    await q.query(`CREATE INDEX idx_verification_runs_owner ON verification_runs (owner_kind, owner_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX idx_verification_runs_owner`);
    await q.query(`ALTER TABLE verification_runs DROP CONSTRAINT chk_verification_runs_owner_kind`);
    await q.query(`ALTER TABLE verification_runs DROP COLUMN owner_id, DROP COLUMN owner_kind`);
  }
}
