import { Column, Entity, ForeignKey, PrimaryColumn } from 'typeorm';
import { VerificationCheck } from '@app/applications';

export type ResultOutcome = 'FOUND' | 'NO_RECORD';

/**
 * What one source answered about one member in one run (SPEC 5.3): written once — the primary key makes a job that
 * runs twice leave one row. `response` is that person's part of the department's answer with ID numbers masked, and
 * `responseSha256` its SHA-256 over RFC 8785 canonical JSON, so the decision record (SPEC 6.5) can cite both.
 */
@Entity({ name: 'verification_results' })
@ForeignKey(
  () => VerificationCheck,
  ['runId', 'source', 'memberId'] as const,
  ['runId', 'source', 'memberId'] as const,
  { name: 'fk_verification_results_check' },
)
export class VerificationResult {
  @PrimaryColumn({ name: 'run_id', type: 'uuid' })
  runId!: string;

  @PrimaryColumn({ type: 'varchar', length: 24 })
  source!: string;

  @PrimaryColumn({ name: 'member_id', type: 'uuid' })
  memberId!: string;

  @Column({ type: 'varchar', length: 16 })
  outcome!: ResultOutcome;

  /**
   * The normalised fact (`FactsBySource[source]` of the connectors): integer fen, ISO dates. SQL NULL where the fact
   * itself is null (DISABILITY without a certificate).
   */
  @Column({ type: 'jsonb', nullable: true })
  facts!: unknown;

  /** The department's answer for this person, as received, ID numbers masked (SQL NULL for a JSON null). */
  @Column({ type: 'jsonb', nullable: true })
  response!: unknown;

  @Column({ name: 'response_sha256', type: 'char', length: 64 })
  responseSha256!: string;

  @Column({ name: 'received_at', type: 'timestamptz' })
  receivedAt!: Date;
}
