import { Check, Column, Entity, Index, PrimaryColumn, type ValueTransformer } from 'typeorm';

/** PostgreSQL returns bigint as a string; outbox sequence numbers stay far below 2^53. */
const bigintAsNumber: ValueTransformer = {
  to: (value: number | undefined) => value,
  from: (value: string | number) => Number(value),
};

export const OutboxKind = {
  /** A CloudEvent for every subscriber queue (SPEC 7.2). */
  EVENT: 'EVENT',
  /** One job on one internal queue, e.g. `verification.start` on `hev-verification`. */
  COMMAND: 'COMMAND',
} as const;
export type OutboxKind = (typeof OutboxKind)[keyof typeof OutboxKind];

/** One message of the transactional outbox; written by `OutboxService`, published by `OutboxRelay`. */
@Entity({ name: 'outbox_messages' })
@Index('uq_outbox_messages_id', ['id'], { unique: true })
@Index('idx_outbox_messages_unpublished', ['seq'], { where: 'published_at IS NULL' })
@Check(
  'chk_outbox_messages_kind',
  `(kind = 'EVENT' AND queue IS NULL AND job_id IS NULL) OR (kind = 'COMMAND' AND queue IS NOT NULL AND job_id IS NOT NULL)`,
)
export class OutboxMessage {
  /** Publication order. */
  @PrimaryColumn({
    type: 'bigint',
    generated: 'identity',
    generatedIdentity: 'BY DEFAULT',
    transformer: bigintAsNumber,
  })
  seq!: number;

  /** The event id (CloudEvents `id`, the subscriber job id) or the command row's own id. */
  @Column({ type: 'uuid' })
  id!: string;

  @Column({ type: 'varchar', length: 8 })
  kind!: OutboxKind;

  /** The event type, or the job name of a command. */
  @Column({ type: 'varchar', length: 100 })
  type!: string;

  /** Target queue of a command; null for events, which go to every subscriber queue. */
  @Column({ type: 'varchar', length: 100, nullable: true })
  queue!: string | null;

  @Column({ name: 'job_id', type: 'varchar', length: 200, nullable: true })
  jobId!: string | null;

  /** The full CloudEvents envelope of an event; the job data of a command. */
  @Column({ type: 'jsonb' })
  payload!: Record<string, unknown>;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt!: Date | null;

  /** A command that must not run before this time is published as a delayed job (e.g. a public notice's end). */
  @Column({ name: 'run_at', type: 'timestamptz', nullable: true })
  runAt!: Date | null;
}
