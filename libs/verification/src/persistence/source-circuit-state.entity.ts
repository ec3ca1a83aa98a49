import { Column, Entity, PrimaryColumn } from 'typeorm';

export type CircuitStateName = 'CLOSED' | 'OPEN' | 'HALF_OPEN' | 'ISOLATED';

/** Each worker's circuit breaker state per source, reported on change and periodically (SPEC 9). */
@Entity({ name: 'source_circuit_states' })
export class SourceCircuitState {
  @PrimaryColumn({ name: 'worker_id', type: 'varchar', length: 100 })
  workerId!: string;

  @PrimaryColumn({ type: 'varchar', length: 24 })
  source!: string;

  @Column({ type: 'varchar', length: 16 })
  state!: CircuitStateName;

  @Column({ name: 'changed_at', type: 'timestamptz' })
  changedAt!: Date;

  /** When the worker last confirmed the state; the report ignores workers silent for a while. */
  @Column({ name: 'reported_at', type: 'timestamptz' })
  reportedAt!: Date;
}
