import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * SPEC 4: township reviews, public notices with their objections and county decisions, one row per act (a new
 * review after an objection or a RETURN is a new row; earlier ones stay as history). Outbox commands gain `run_at`
 * so a delayed job (the end of a public notice) travels through the outbox like any other command.
 */
export class CreateWorkflow1764000007000 implements MigrationInterface {
  name = 'CreateWorkflow1764000007000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE township_reviews (
        id uuid PRIMARY KEY,
        application_id uuid NOT NULL CONSTRAINT fk_township_reviews_application REFERENCES applications(id),
        opinion varchar(20) NOT NULL,
        comment varchar(2000) NOT NULL,
        investigation jsonb,
        reviewed_by uuid NOT NULL,
        reviewed_by_username varchar(64) NOT NULL,
        reviewed_at timestamptz NOT NULL
      )`);
    await q.query(
      `CREATE INDEX idx_township_reviews_application ON township_reviews (application_id, reviewed_at)`,
    );

    await q.query(`
      CREATE TABLE public_notices (
        id uuid PRIMARY KEY,
        application_id uuid NOT NULL CONSTRAINT fk_public_notices_application REFERENCES applications(id),
        review_id uuid NOT NULL CONSTRAINT fk_public_notices_review REFERENCES township_reviews(id),
        started_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        ended_at timestamptz,
        end_reason varchar(16)
      )`);
    await q.query(
      `CREATE INDEX idx_public_notices_application ON public_notices (application_id, started_at)`,
    );
    // At most one running notice per application; the sweep reads only running notices by their end.
    await q.query(
      `CREATE UNIQUE INDEX uq_public_notices_running ON public_notices (application_id) WHERE ended_at IS NULL`,
    );
    await q.query(`CREATE INDEX idx_public_notices_due ON public_notices (ends_at) WHERE ended_at IS NULL`);

    await q.query(`
      CREATE TABLE public_notice_objections (
        id uuid PRIMARY KEY,
        notice_id uuid NOT NULL CONSTRAINT fk_public_notice_objections_notice REFERENCES public_notices(id),
        application_id uuid NOT NULL,
        received_on date NOT NULL,
        summary varchar(2000) NOT NULL,
        recorded_by uuid NOT NULL,
        recorded_by_username varchar(64) NOT NULL,
        recorded_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX idx_public_notice_objections_notice ON public_notice_objections (notice_id)`);

    await q.query(`
      CREATE TABLE county_decisions (
        id uuid PRIMARY KEY,
        application_id uuid NOT NULL CONSTRAINT fk_county_decisions_application REFERENCES applications(id),
        decision varchar(8) NOT NULL,
        reason varchar(2000),
        monthly_benefit_fen integer,
        effective_month char(7),
        recommendation_outcome varchar(16) NOT NULL,
        override boolean NOT NULL,
        decided_by uuid NOT NULL,
        decided_by_username varchar(64) NOT NULL,
        decided_at timestamptz NOT NULL
      )`);
    await q.query(
      `CREATE INDEX idx_county_decisions_application ON county_decisions (application_id, decided_at)`,
    );
    await q.query(`CREATE INDEX idx_county_decisions_decided_at ON county_decisions (decided_at)`);

    await q.query(`ALTER TABLE outbox_messages ADD COLUMN run_at timestamptz`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE outbox_messages DROP COLUMN run_at`);
    await q.query(`DROP TABLE county_decisions`);
    await q.query(`DROP TABLE public_notice_objections`);
    await q.query(`DROP TABLE public_notices`);
    await q.query(`DROP TABLE township_reviews`);
  }
}
