import { Column, Entity, Index, PrimaryColumn, type ValueTransformer } from 'typeorm';

/** PostgreSQL returns bigint as a string; sequence numbers stay far below 2^53. */
export const bigintAsNumber: ValueTransformer = {
  to: (value: number | undefined) => value,
  from: (value: string | number) => Number(value),
};

/** One row of the append-only audit trail (SPEC 8); the table refuses UPDATE, DELETE and TRUNCATE. */
@Entity({ name: 'audit_entries' })
@Index('idx_audit_entries_chain_seq', ['chain', 'seq'])
@Index('uq_audit_entries_chain_prev_hash', ['chain', 'prevHash'], { unique: true })
export class AuditEntry {
  @PrimaryColumn({
    type: 'bigint',
    generated: 'identity',
    generatedIdentity: 'BY DEFAULT',
    transformer: bigintAsNumber,
  })
  seq!: number;

  /** The county code for county, township and village actions; the city code for city-level actions. */
  @Column({ type: 'varchar', length: 12 })
  chain!: string;

  @Column({ name: 'area_code', type: 'varchar', length: 12 })
  areaCode!: string;

  @Column({ type: 'timestamptz' })
  at!: Date;

  @Column({ name: 'actor_user_id', type: 'uuid', nullable: true })
  actorUserId!: string | null;

  @Index('idx_audit_entries_actor_username')
  @Column({ name: 'actor_username', type: 'varchar', length: 100, nullable: true })
  actorUsername!: string | null;

  @Column({ name: 'actor_role', type: 'varchar', length: 32, nullable: true })
  actorRole!: string | null;

  @Column({ name: 'actor_area_code', type: 'varchar', length: 12, nullable: true })
  actorAreaCode!: string | null;

  @Column({ type: 'varchar', length: 100 })
  action!: string;

  @Index('idx_audit_entries_application_id')
  @Column({ name: 'application_id', type: 'uuid', nullable: true })
  applicationId!: string | null;

  @Column({ type: 'jsonb' })
  detail!: Record<string, unknown>;

  @Column({ type: 'varchar', length: 64, nullable: true })
  ip!: string | null;

  @Column({ name: 'prev_hash', type: 'varchar', length: 64 })
  prevHash!: string;

  @Column({ type: 'varchar', length: 64 })
  hash!: string;
}
