import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * SPEC 8 anchors: each chain's head (`chain`, `seq`, `hash`, `at`) signed with the platform's Ed25519 key. Exported to
 * write-once storage, they reveal a chain rewritten by someone with database access. The runtime role may only add
 * and read them.
 */
export class CreateAuditAnchors1765100002000 implements MigrationInterface {
  name = 'CreateAuditAnchors1765100002000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE audit_anchors (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        chain varchar(12) NOT NULL,
        seq bigint NOT NULL,
        hash varchar(64) NOT NULL,
        at timestamptz NOT NULL,
        signature text NOT NULL,
        key_id varchar(64) NOT NULL,
        CONSTRAINT uq_audit_anchors_chain_seq UNIQUE (chain, seq)
      )`);
    await q.query(`REVOKE UPDATE, DELETE, TRUNCATE ON audit_anchors FROM hev_runtime`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE audit_anchors`);
  }
}
