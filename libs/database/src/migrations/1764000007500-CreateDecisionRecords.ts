import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * SPEC 6.5: the immutable decision record. One row per recommendation (per verification run) holding the signed
 * record; each county decision appends a row holding the decision and the signature of the whole record as it
 * stands with it. Triggers refuse UPDATE, DELETE and TRUNCATE of both tables for every role.
 */
export class CreateDecisionRecords1764000007500 implements MigrationInterface {
  name = 'CreateDecisionRecords1764000007500';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE decision_records (
        id uuid PRIMARY KEY,
        application_id uuid NOT NULL CONSTRAINT fk_decision_records_application REFERENCES applications(id),
        run_id uuid NOT NULL CONSTRAINT fk_decision_records_run REFERENCES verification_runs(id),
        recorded_at timestamptz NOT NULL,
        content jsonb NOT NULL,
        record_hash char(64) NOT NULL,
        signature text NOT NULL,
        key_id varchar(64) NOT NULL
      )`);
    await q.query(`CREATE UNIQUE INDEX uq_decision_records_run ON decision_records (run_id)`);
    await q.query(
      `CREATE INDEX idx_decision_records_application ON decision_records (application_id, recorded_at)`,
    );

    await q.query(`
      CREATE TABLE decision_record_decisions (
        id uuid PRIMARY KEY,
        record_id uuid NOT NULL CONSTRAINT fk_decision_record_decisions_record REFERENCES decision_records(id),
        seq smallint NOT NULL,
        content jsonb NOT NULL,
        record_hash char(64) NOT NULL,
        signature text NOT NULL,
        key_id varchar(64) NOT NULL,
        created_at timestamptz NOT NULL
      )`);
    await q.query(
      `CREATE UNIQUE INDEX uq_decision_record_decisions_seq ON decision_record_decisions (record_id, seq)`,
    );

    await q.query(`
      CREATE FUNCTION decision_records_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% is append-only: % is not allowed', TG_TABLE_NAME, TG_OP
          USING ERRCODE = 'insufficient_privilege',
                HINT = 'Decision records are immutable; a decision is appended as a new row (SPEC 6.5).';
      END
      $$`);
    for (const table of ['decision_records', 'decision_record_decisions']) {
      await q.query(`
        CREATE TRIGGER ${table}_immutable
          BEFORE UPDATE OR DELETE ON ${table}
          FOR EACH ROW EXECUTE FUNCTION decision_records_refuse_change()`);
      await q.query(`
        CREATE TRIGGER ${table}_no_truncate
          BEFORE TRUNCATE ON ${table}
          FOR EACH STATEMENT EXECUTE FUNCTION decision_records_refuse_change()`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE decision_record_decisions`);
    await q.query(`DROP TABLE decision_records`);
    await q.query(`DROP FUNCTION decision_records_refuse_change()`);
  }
}
