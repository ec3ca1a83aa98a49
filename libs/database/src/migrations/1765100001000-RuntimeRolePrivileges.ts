import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * SPEC 8: the platform's runtime role (a member of the group `hev_runtime`, see libs/database/src/database-roles.ts)
 * is neither superuser nor owner, so it can neither switch the audit triggers off (ALTER TABLE, or
 * session_replication_role, which needs a superuser) nor rewrite the trail: on the append-only tables it has
 * INSERT and SELECT only. Everything else gets plain DML, and so does every table a LATER migration creates, through
 * the owner's default privileges — a new append-only table must revoke UPDATE and DELETE in its own migration.
 */
export class RuntimeRolePrivileges1765100001000 implements MigrationInterface {
  name = 'RuntimeRolePrivileges1765100001000';

  async up(q: QueryRunner): Promise<void> {
    // `npm run migrate` creates the group first; this covers a migrator that did not (it needs CREATEROLE then).
    await q.query(`
      DO $$
      BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'hev_runtime') THEN
          CREATE ROLE hev_runtime NOLOGIN;
        END IF;
      EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
      END
      $$`);
    await q.query(`GRANT USAGE ON SCHEMA public TO hev_runtime`);
    await q.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO hev_runtime`);
    await q.query(`GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO hev_runtime`);
    await q.query(
      `ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO hev_runtime`,
    );
    await q.query(
      `ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO hev_runtime`,
    );
    // The audit trail: INSERT and SELECT only. (Decision records and policy versions are append-only by their
    // triggers, which the runtime role, not being their owner, cannot switch off.)
    await q.query(`REVOKE UPDATE, DELETE, TRUNCATE ON audit_entries FROM hev_runtime`);
    // A chain head moves forward (UPDATE, checked by its trigger) but is never removed.
    await q.query(`REVOKE DELETE, TRUNCATE ON audit_chain_heads FROM hev_runtime`);
    // The migration history is the owner's.
    await q.query(`REVOKE ALL ON typeorm_migrations FROM hev_runtime`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE SELECT, INSERT, UPDATE, DELETE ON TABLES FROM hev_runtime`,
    );
    await q.query(
      `ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE USAGE, SELECT, UPDATE ON SEQUENCES FROM hev_runtime`,
    );
    await q.query(`REVOKE ALL ON ALL TABLES IN SCHEMA public FROM hev_runtime`);
    await q.query(`REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM hev_runtime`);
    await q.query(`REVOKE USAGE ON SCHEMA public FROM hev_runtime`);
  }
}
