import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * SPEC 6.1 / 11.2: `reviewAdjustmentThresholdFen` (2000) and `gradualExitMonths` (6) join every stored policy version
 * that lacks them, the seeded Yongzhou set included. Versions are append-only (a trigger refuses UPDATE); this one-time
 * completion of the parameter set switches that trigger off for the statement and back on in the same transaction.
 */
export class AddReviewPolicyParameters1765400001000 implements MigrationInterface {
  name = 'AddReviewPolicyParameters1765400001000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE policy_parameter_versions DISABLE TRIGGER policy_parameter_versions_append_only`,
    );
    await q.query(`
      UPDATE policy_parameter_versions
         SET "values" = '{"reviewAdjustmentThresholdFen": 2000, "gradualExitMonths": 6}'::jsonb || "values"
       WHERE NOT ("values" ? 'reviewAdjustmentThresholdFen' AND "values" ? 'gradualExitMonths')`);
    await q.query(
      `ALTER TABLE policy_parameter_versions ENABLE TRIGGER policy_parameter_versions_append_only`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE policy_parameter_versions DISABLE TRIGGER policy_parameter_versions_append_only`,
    );
    await q.query(
      `UPDATE policy_parameter_versions SET "values" = "values" - 'reviewAdjustmentThresholdFen' - 'gradualExitMonths'`,
    );
    await q.query(
      `ALTER TABLE policy_parameter_versions ENABLE TRIGGER policy_parameter_versions_append_only`,
    );
  }
}
