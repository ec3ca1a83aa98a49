import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Batched verification (SPEC 5.3, issue 12): a check sent in a batch is claimed until `claimed_until`, so two
 * workers never send the same check; a dead worker's claims lapse and the check is sent again. A run's current pass
 * has its own start, from which RUN_MAX_AGE counts.
 */
export class VerificationCheckClaims1765300000000 implements MigrationInterface {
  name = 'VerificationCheckClaims1765300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE verification_checks ADD COLUMN claimed_until timestamptz NULL`);
    // RUN_MAX_AGE counts from the start of the run's current pass (a restarted run is not restarted again at once).
    await q.query(`ALTER TABLE verification_runs ADD COLUMN pass_started_at timestamptz NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE verification_runs DROP COLUMN pass_started_at`);
    await q.query(`ALTER TABLE verification_checks DROP COLUMN claimed_until`);
  }
}
