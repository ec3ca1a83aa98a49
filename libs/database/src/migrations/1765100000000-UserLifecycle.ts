import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * SPEC 2.3 user lifecycle: a user can be deactivated, and every token carries the user's `token_version`, which a
 * deactivation, a role or area change, a password change and a logout bump, so every earlier token stops working.
 */
export class UserLifecycle1765100000000 implements MigrationInterface {
  name = 'UserLifecycle1765100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE users ADD COLUMN active boolean NOT NULL DEFAULT true`);
    await q.query(`ALTER TABLE users ADD COLUMN token_version integer NOT NULL DEFAULT 0`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE users DROP COLUMN token_version`);
    await q.query(`ALTER TABLE users DROP COLUMN active`);
  }
}
