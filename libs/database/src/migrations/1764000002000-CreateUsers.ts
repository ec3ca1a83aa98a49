import type { MigrationInterface, QueryRunner } from 'typeorm';

/** SPEC 2.2–2.3: users bound to one area with one or more roles; passwords as argon2id hashes. */
export class CreateUsers1764000002000 implements MigrationInterface {
  name = 'CreateUsers1764000002000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY,
        username varchar(64) NOT NULL CONSTRAINT uq_users_username UNIQUE,
        password_hash varchar(255) NOT NULL,
        display_name varchar(100) NOT NULL,
        roles text[] NOT NULL,
        area_code varchar(12) NOT NULL CONSTRAINT fk_users_area REFERENCES areas(code),
        created_at timestamptz NOT NULL
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE users`);
  }
}
