import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The seeded set's row id, so its `policyVersion` is the same in every installation. */
const YONGZHOU_DEMO_ROW_ID = '00000000-0000-4000-8000-431100260101';

/**
 * The values seeded by this migration, frozen here: a migration must insert the same row whatever the engine's
 * constants become later (a change of parameters is a new version, written by a new migration or by the API).
 */
const YONGZHOU_DEMO_VALUES = {
  dibaoStandardUrbanFen: 65000,
  dibaoStandardRuralFen: 45000,
  edgeMultiplier: 1.5,
  tekunMultiplier: 1.3,
  financialAssetMonths: 24,
  edgeFinancialAssetMonths: 36,
  maxDwellings: 1,
  enterpriseCapitalLimitFen: 20000000,
  incomeToleranceFen: 10000,
  incomeTolerancePct: 10,
} as const;

const YONGZHOU_DEMO_LEGAL_BASIS =
  'DEMONSTRATION DATA — not an official Yongzhou standard. Seeded so the platform can be demonstrated (SPEC 6.1); ' +
  'the official standards of 永州市 were not found and must be loaded by the city as a new version citing the ' +
  'published standard (《社会救助暂行办法》第十条: the minimum living standard is set and published by the ' +
  'people’s government of the province or of the districted city).';

/**
 * SPEC 6.1: effective-dated policy parameters per area. A version is never edited in place — a change is a new
 * version with its legal basis — so triggers refuse UPDATE, DELETE and TRUNCATE for every role.
 */
export class CreatePolicyParameters1764000006000 implements MigrationInterface {
  name = 'CreatePolicyParameters1764000006000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE policy_parameter_versions (
        id uuid PRIMARY KEY,
        area_code varchar(12) NOT NULL CONSTRAINT fk_policy_parameter_versions_area REFERENCES areas(code),
        effective_from date NOT NULL,
        "values" jsonb NOT NULL,
        legal_basis text NOT NULL,
        created_by uuid,
        created_at timestamptz NOT NULL,
        CONSTRAINT uq_policy_parameter_versions_area_effective_from UNIQUE (area_code, effective_from)
      )`);

    await q.query(`
      CREATE FUNCTION policy_parameter_versions_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'policy_parameter_versions is append-only: % is not allowed', TG_OP
          USING ERRCODE = 'insufficient_privilege',
                HINT = 'A change of policy parameters is a new version with its legal basis (SPEC 6.1).';
      END
      $$`);
    await q.query(`
      CREATE TRIGGER policy_parameter_versions_append_only
        BEFORE UPDATE OR DELETE ON policy_parameter_versions
        FOR EACH ROW EXECUTE FUNCTION policy_parameter_versions_refuse_change()`);
    await q.query(`
      CREATE TRIGGER policy_parameter_versions_no_truncate
        BEFORE TRUNCATE ON policy_parameter_versions
        FOR EACH STATEMENT EXECUTE FUNCTION policy_parameter_versions_refuse_change()`);

    await q.query(
      `INSERT INTO policy_parameter_versions (id, area_code, effective_from, "values", legal_basis, created_by, created_at)
       VALUES ($1, '431100', '2026-01-01', $2, $3, NULL, now())`,
      [YONGZHOU_DEMO_ROW_ID, JSON.stringify(YONGZHOU_DEMO_VALUES), YONGZHOU_DEMO_LEGAL_BASIS],
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE policy_parameter_versions`);
    await q.query(`DROP FUNCTION policy_parameter_versions_refuse_change()`);
  }
}
