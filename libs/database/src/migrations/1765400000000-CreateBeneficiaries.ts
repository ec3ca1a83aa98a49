import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * SPEC 11: the beneficiary roll (在保家庭), its history, reviews (复核), review batches and life events. A beneficiary
 * household reuses the member rows of the application that enrolled it; the unique partial index on open reviews is
 * what keeps one open review per household under concurrency.
 */
export class CreateBeneficiaries1765400000000 implements MigrationInterface {
  name = 'CreateBeneficiaries1765400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE beneficiaries (
        id uuid PRIMARY KEY,
        application_id uuid NOT NULL CONSTRAINT fk_beneficiaries_application REFERENCES applications(id),
        number varchar(32) NOT NULL,
        programme varchar(8) NOT NULL,
        status varchar(16) NOT NULL,
        township_code varchar(12) NOT NULL CONSTRAINT fk_beneficiaries_township REFERENCES areas(code),
        county_code varchar(6) NOT NULL,
        residence varchar(8) NOT NULL,
        applicant_name varchar(50) NOT NULL,
        monthly_benefit_fen integer NOT NULL,
        since char(7) NOT NULL,
        review_category varchar(12) NOT NULL,
        next_review_due_on date NOT NULL,
        last_reviewed_on date,
        gradual_exit_from char(7),
        gradual_exit_until char(7),
        stopped_from char(7),
        accepted_run_id uuid,
        enrolled_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        version integer NOT NULL,
        CONSTRAINT uq_beneficiaries_application UNIQUE (application_id),
        CONSTRAINT ck_beneficiaries_status CHECK (status IN ('ACTIVE','UNDER_REVIEW','GRADUAL_EXIT','STOPPED')),
        CONSTRAINT ck_beneficiaries_category CHECK (review_category IN ('YEARLY','HALF_YEARLY'))
      )`);
    await q.query(`CREATE INDEX idx_beneficiaries_township_status ON beneficiaries (township_code, status)`);
    await q.query(
      `CREATE INDEX idx_beneficiaries_due ON beneficiaries (next_review_due_on) WHERE status = 'ACTIVE'`,
    );
    await q.query(
      `CREATE INDEX idx_beneficiaries_exit ON beneficiaries (gradual_exit_until) WHERE status = 'GRADUAL_EXIT'`,
    );

    await q.query(`
      CREATE TABLE beneficiary_history (
        id uuid PRIMARY KEY,
        beneficiary_id uuid NOT NULL CONSTRAINT fk_beneficiary_history_beneficiary REFERENCES beneficiaries(id),
        at timestamptz NOT NULL,
        change varchar(16) NOT NULL,
        from_fen integer,
        to_fen integer,
        effective_month char(7),
        reason text,
        review_id uuid
      )`);
    await q.query(
      `CREATE INDEX idx_beneficiary_history_beneficiary ON beneficiary_history (beneficiary_id, at)`,
    );

    await q.query(`
      CREATE TABLE review_batches (
        id uuid PRIMARY KEY,
        area_code varchar(12) NOT NULL CONSTRAINT fk_review_batches_area REFERENCES areas(code),
        due_on_or_before date,
        programme varchar(8),
        status varchar(12) NOT NULL,
        total integer NOT NULL,
        opened integer NOT NULL DEFAULT 0,
        created_by uuid,
        created_by_username varchar(64) NOT NULL,
        scheduled_on date,
        started_at timestamptz NOT NULL,
        completed_at timestamptz,
        CONSTRAINT ck_review_batches_status CHECK (status IN ('RUNNING','COMPLETE'))
      )`);
    await q.query(
      `CREATE UNIQUE INDEX uq_review_batches_scheduled ON review_batches (area_code, scheduled_on) WHERE scheduled_on IS NOT NULL`,
    );
    await q.query(`CREATE INDEX idx_review_batches_area ON review_batches (area_code, started_at)`);
    await q.query(`
      CREATE TABLE review_batch_items (
        batch_id uuid NOT NULL CONSTRAINT fk_review_batch_items_batch REFERENCES review_batches(id),
        beneficiary_id uuid NOT NULL CONSTRAINT fk_review_batch_items_beneficiary REFERENCES beneficiaries(id),
        position integer NOT NULL,
        review_id uuid,
        skipped boolean NOT NULL DEFAULT false,
        PRIMARY KEY (batch_id, beneficiary_id)
      )`);
    await q.query(`CREATE INDEX idx_review_batch_items_position ON review_batch_items (batch_id, position)`);

    await q.query(`
      CREATE TABLE reviews (
        id uuid PRIMARY KEY,
        beneficiary_id uuid NOT NULL CONSTRAINT fk_reviews_beneficiary REFERENCES beneficiaries(id),
        application_id uuid NOT NULL CONSTRAINT fk_reviews_application REFERENCES applications(id),
        township_code varchar(12) NOT NULL,
        county_code varchar(6) NOT NULL,
        reason varchar(16) NOT NULL,
        note text,
        status varchar(32) NOT NULL,
        result varchar(16),
        batch_id uuid CONSTRAINT fk_reviews_batch REFERENCES review_batches(id),
        opened_by uuid,
        opened_by_username varchar(64) NOT NULL,
        opened_at timestamptz NOT NULL,
        closed_at timestamptz,
        policy_on date NOT NULL,
        review_due_on date NOT NULL,
        awaiting_decision_since timestamptz,
        current_run_id uuid,
        recommendation jsonb,
        proposal jsonb,
        delta jsonb,
        township_review jsonb,
        decision jsonb,
        authorized_by uuid[] NOT NULL DEFAULT '{}',
        version integer NOT NULL,
        CONSTRAINT ck_reviews_status CHECK (status IN
          ('AWAITING_AUTHORIZATION','VERIFYING','VERIFIED','AWAITING_COUNTY_DECISION','CLOSED')),
        CONSTRAINT ck_reviews_reason CHECK (reason IN ('PERIODIC','LIFE_EVENT','COMPLAINT','CHANGE_REPORTED'))
      )`);
    // SPEC 11.2: at most one open review per beneficiary, whatever races.
    await q.query(
      `CREATE UNIQUE INDEX uq_reviews_open_per_beneficiary ON reviews (beneficiary_id) WHERE status <> 'CLOSED'`,
    );
    await q.query(`CREATE INDEX idx_reviews_beneficiary ON reviews (beneficiary_id, opened_at)`);
    await q.query(`CREATE INDEX idx_reviews_batch ON reviews (batch_id, status) WHERE batch_id IS NOT NULL`);
    await q.query(
      `CREATE INDEX idx_reviews_run ON reviews (current_run_id) WHERE current_run_id IS NOT NULL`,
    );
    await q.query(`CREATE INDEX idx_reviews_township_status ON reviews (township_code, status)`);

    await q.query(`
      CREATE TABLE life_events (
        id uuid PRIMARY KEY,
        type varchar(20) NOT NULL,
        id_blind_index char(64) NOT NULL,
        occurred_on date NOT NULL,
        source_ref varchar(128) NOT NULL,
        matched boolean NOT NULL,
        beneficiary_id uuid CONSTRAINT fk_life_events_beneficiary REFERENCES beneficiaries(id),
        member_id uuid,
        review_id uuid,
        reported_by uuid,
        reported_at timestamptz NOT NULL,
        CONSTRAINT uq_life_events_event UNIQUE (type, id_blind_index, occurred_on),
        CONSTRAINT ck_life_events_type CHECK (type IN ('DEATH','EMPLOYMENT_STARTED','HUKOU_MOVED_OUT'))
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE life_events`);
    await q.query(`DROP TABLE reviews`);
    await q.query(`DROP TABLE review_batch_items`);
    await q.query(`DROP TABLE review_batches`);
    await q.query(`DROP TABLE beneficiary_history`);
    await q.query(`DROP TABLE beneficiaries`);
  }
}
