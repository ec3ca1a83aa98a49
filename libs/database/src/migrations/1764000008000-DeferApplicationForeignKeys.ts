import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A create writes the members and the verification run before the application row: the row is inserted together
 * with the draw of its gap-free number, whose counter lock lasts until COMMIT, so it comes last. The two foreign keys
 * to `applications` are therefore checked at COMMIT instead of per statement.
 */
export class DeferApplicationForeignKeys1764000008000 implements MigrationInterface {
  name = 'DeferApplicationForeignKeys1764000008000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE application_members ALTER CONSTRAINT fk_application_members_application DEFERRABLE INITIALLY DEFERRED`,
    );
    await q.query(
      `ALTER TABLE verification_runs ALTER CONSTRAINT fk_verification_runs_application DEFERRABLE INITIALLY DEFERRED`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE verification_runs ALTER CONSTRAINT fk_verification_runs_application NOT DEFERRABLE`,
    );
    await q.query(
      `ALTER TABLE application_members ALTER CONSTRAINT fk_application_members_application NOT DEFERRABLE`,
    );
  }
}
