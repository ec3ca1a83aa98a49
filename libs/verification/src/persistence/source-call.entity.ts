import { Column, Entity, Index, PrimaryColumn, type ValueTransformer } from 'typeorm';

const bigintAsNumber: ValueTransformer = {
  to: (value: number | undefined) => value,
  from: (value: string | number) => Number(value),
};

/** REJECTED: the circuit breaker refused the call, nothing was sent. */
export type SourceCallOutcome = 'OK' | 'FAILED' | 'REJECTED';

/** One call (one household batch) to a department, for `GET /api/v1/reports/sources` (SPEC 9). Kept a few hours. */
@Entity({ name: 'source_calls' })
@Index('idx_source_calls_started_at', ['startedAt'])
export class SourceCall {
  @PrimaryColumn({
    type: 'bigint',
    generated: 'identity',
    generatedIdentity: 'BY DEFAULT',
    transformer: bigintAsNumber,
  })
  id!: number;

  @Column({ type: 'varchar', length: 24 })
  source!: string;

  @Column({ name: 'started_at', type: 'timestamptz' })
  startedAt!: Date;

  @Column({ name: 'duration_ms', type: 'integer' })
  durationMs!: number;

  @Column({ type: 'varchar', length: 16 })
  outcome!: SourceCallOutcome;

  /** `SourceError.kind` of a failed call (TIMEOUT, UNAVAILABLE, …). */
  @Column({ name: 'error_kind', type: 'varchar', length: 16, nullable: true })
  errorKind!: string | null;
}
