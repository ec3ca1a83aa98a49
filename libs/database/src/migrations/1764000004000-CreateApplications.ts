import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateApplications1764000004000 implements MigrationInterface {
  name = 'CreateApplications1764000004000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE applications (
        id uuid PRIMARY KEY,
        number varchar(32) NOT NULL,
        programme varchar(8) NOT NULL,
        status varchar(32) NOT NULL,
        township_code varchar(12) NOT NULL CONSTRAINT fk_applications_township REFERENCES areas(code),
        county_code varchar(6) NOT NULL,
        residence varchar(8) NOT NULL,
        address varchar(200) NOT NULL,
        applicant_name varchar(50) NOT NULL,
        has_able_supporter boolean NOT NULL,
        staff_relative boolean NOT NULL,
        created_by uuid NOT NULL,
        created_on date NOT NULL,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        version integer NOT NULL,
        current_run_id uuid
      )`);
    await q.query(`CREATE UNIQUE INDEX uq_applications_number ON applications (number)`);
    await q.query(
      `CREATE INDEX idx_applications_township_created ON applications (township_code, created_at)`,
    );
    await q.query(`CREATE INDEX idx_applications_status ON applications (status)`);

    await q.query(`
      CREATE TABLE application_members (
        id uuid PRIMARY KEY,
        application_id uuid NOT NULL CONSTRAINT fk_application_members_application REFERENCES applications(id) ON DELETE CASCADE,
        position smallint NOT NULL,
        name varchar(50) NOT NULL,
        id_number_enc text NOT NULL,
        id_blind_index char(64) NOT NULL,
        id_number_masked varchar(18) NOT NULL,
        birth_date date NOT NULL,
        sex char(1) NOT NULL,
        age smallint NOT NULL,
        relation varchar(16) NOT NULL,
        co_resident boolean NOT NULL,
        exclusion varchar(16),
        disability jsonb,
        employment varchar(16) NOT NULL,
        declared_income jsonb NOT NULL,
        declared_assets jsonb NOT NULL,
        "authorization" jsonb,
        counted boolean NOT NULL
      )`);
    await q.query(
      `CREATE UNIQUE INDEX uq_application_members_position ON application_members (application_id, position)`,
    );
    await q.query(`CREATE INDEX idx_application_members_blind_index ON application_members (id_blind_index)`);

    await q.query(`
      CREATE TABLE open_application_persons (
        id_blind_index char(64) PRIMARY KEY,
        application_id uuid NOT NULL,
        member_id uuid NOT NULL
      )`);
    await q.query(`
      CREATE TABLE application_number_counters (
        township_code varchar(12) NOT NULL,
        year smallint NOT NULL,
        last_value integer NOT NULL,
        PRIMARY KEY (township_code, year)
      )`);
    await q.query(`
      CREATE TABLE idempotency_keys (
        actor_id uuid NOT NULL,
        key varchar(128) NOT NULL,
        request_hash char(64) NOT NULL,
        application_id uuid NOT NULL,
        created_at timestamptz NOT NULL,
        PRIMARY KEY (actor_id, key)
      )`);
    await q.query(`
      CREATE TABLE verification_runs (
        id uuid PRIMARY KEY,
        application_id uuid NOT NULL CONSTRAINT fk_verification_runs_application REFERENCES applications(id),
        status varchar(16) NOT NULL,
        started_at timestamptz NOT NULL,
        completed_at timestamptz
      )`);
    await q.query(`CREATE INDEX idx_verification_runs_application ON verification_runs (application_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE verification_runs`);
    await q.query(`DROP TABLE idempotency_keys`);
    await q.query(`DROP TABLE application_number_counters`);
    await q.query(`DROP TABLE open_application_persons`);
    await q.query(`DROP TABLE application_members`);
    await q.query(`DROP TABLE applications`);
  }
}
