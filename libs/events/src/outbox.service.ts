import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Optional } from '@nestjs/common';
import { RecordSigner } from '@app/common';
import { appConfig, DEV_DEFAULTS, type AppConfigType } from '@app/config';
import { type Tx } from '@app/database';
import { JOB_NAMES, QueueName, type JobData, type JobName } from '@app/queue';
import { signEvent } from './event-signature';
import { EVENT_TYPES, eventSourceOf, type CloudEvent, type NewEvent } from './event.types';

/** Channel of the NOTIFY that wakes the relay; PostgreSQL delivers it at commit and folds duplicates. */
export const OUTBOX_CHANNEL = 'hev_outbox';

export interface NewCommand<Q extends QueueName, N extends JobName<Q>> {
  queue: Q;
  name: N;
  data: JobData<Q, N>;
  /** Deterministic, so that a re-published command is a no-op while the first job is retained. */
  jobId: string;
  /** Not before this time: the relay adds the job with the remaining delay (none once it has passed). */
  runAt?: Date;
}

const QUEUE_NAMES = new Set<string>(Object.values(QueueName));

// One round trip: the insert and the wake-up NOTIFY, both part of the caller's transaction.
const INSERT_EVENT = `
  WITH inserted AS (
    INSERT INTO outbox_messages (id, kind, type, payload) VALUES ($1, 'EVENT', $2, $3::jsonb) RETURNING 1
  )
  SELECT pg_notify('${OUTBOX_CHANNEL}', '') FROM inserted`;

const INSERT_COMMAND = `
  WITH inserted AS (
    INSERT INTO outbox_messages (id, kind, type, queue, job_id, payload, run_at)
    VALUES ($1, 'COMMAND', $2, $3, $4, $5::jsonb, $6) RETURNING 1
  )
  SELECT pg_notify('${OUTBOX_CHANNEL}', '') FROM inserted`;

/**
 * Writes events and queue commands into the outbox inside the caller's transaction (SPEC 7.2), so a state change
 * and what it announces commit or roll back together. The worker's `OutboxRelay` publishes them.
 */
@Injectable()
export class OutboxService {
  private readonly signer: RecordSigner;

  constructor(@Optional() @Inject(appConfig.KEY) config?: AppConfigType) {
    // Without configuration (a few lib tests build the service by hand) the documented development key signs.
    this.signer = new RecordSigner(config?.signingKeySeed ?? Buffer.from(DEV_DEFAULTS.SIGNING_KEY, 'hex'));
  }

  /**
   * Adds a CloudEvent for every subscriber, signed (`hevsignature`, SPEC 7.2) as it is written, so a re-publication
   * (the relay after a crash, `npm run events:replay`) sends the very same bytes; returns its id.
   */
  async addEvent(tx: Tx, event: NewEvent): Promise<string> {
    requireTransaction(tx, 'addEvent');
    if (!EVENT_TYPES.includes(event.type)) throw new Error(`Unknown event type: ${String(event.type)}`);
    const envelope: CloudEvent = {
      specversion: '1.0',
      id: event.id ?? randomUUID(),
      type: event.type,
      source: eventSourceOf(event.areaCode),
      ...(event.subject === undefined ? {} : { subject: event.subject }),
      time: new Date().toISOString(),
      datacontenttype: 'application/json',
      data: event.data,
    };
    await tx.query(INSERT_EVENT, [
      envelope.id,
      envelope.type,
      JSON.stringify(signEvent(envelope, this.signer)),
    ]);
    return envelope.id;
  }

  /** Adds many events in one statement (bulk work such as a review batch's chunk); in the given order. */
  async addEvents(tx: Tx, events: readonly NewEvent[]): Promise<void> {
    requireTransaction(tx, 'addEvents');
    if (events.length === 0) return;
    const envelopes = events.map((event): CloudEvent => {
      if (!EVENT_TYPES.includes(event.type)) throw new Error(`Unknown event type: ${String(event.type)}`);
      return {
        specversion: '1.0',
        id: event.id ?? randomUUID(),
        type: event.type,
        source: eventSourceOf(event.areaCode),
        ...(event.subject === undefined ? {} : { subject: event.subject }),
        time: new Date().toISOString(),
        datacontenttype: 'application/json',
        data: event.data,
      };
    });
    await tx.query(
      `WITH inserted AS (
         INSERT INTO outbox_messages (id, kind, type, payload)
         SELECT id, 'EVENT', type, payload FROM unnest($1::uuid[], $2::varchar[], $3::jsonb[]) WITH ORDINALITY
           AS e(id, type, payload, n) ORDER BY n
         RETURNING 1
       )
       SELECT pg_notify('${OUTBOX_CHANNEL}', '') FROM (SELECT 1 FROM inserted LIMIT 1) x`,
      [envelopes.map((e) => e.id), envelopes.map((e) => e.type), envelopes.map((e) => JSON.stringify(e))],
    );
  }

  /** Adds many commands of one job name in one statement. */
  async addCommands<Q extends QueueName, N extends JobName<Q>>(
    tx: Tx,
    commands: readonly NewCommand<Q, N>[],
  ): Promise<void> {
    requireTransaction(tx, 'addCommands');
    if (commands.length === 0) return;
    for (const command of commands) {
      if (!QUEUE_NAMES.has(command.queue)) throw new Error(`Unknown queue: ${command.queue}`);
      if (!(JOB_NAMES[command.queue] as string[]).includes(command.name))
        throw new Error(`Unknown job ${command.name} on ${command.queue}`);
      assertValidJobId(command.jobId);
    }
    await tx.query(
      `WITH inserted AS (
         INSERT INTO outbox_messages (id, kind, type, queue, job_id, payload, run_at)
         SELECT id, 'COMMAND', type, queue, job_id, payload, run_at
           FROM unnest($1::uuid[], $2::varchar[], $3::varchar[], $4::varchar[], $5::jsonb[], $6::timestamptz[])
             WITH ORDINALITY AS c(id, type, queue, job_id, payload, run_at, n) ORDER BY n
         RETURNING 1
       )
       SELECT pg_notify('${OUTBOX_CHANNEL}', '') FROM (SELECT 1 FROM inserted LIMIT 1) x`,
      [
        commands.map(() => randomUUID()),
        commands.map((c) => c.name),
        commands.map((c) => c.queue),
        commands.map((c) => c.jobId),
        commands.map((c) => JSON.stringify(c.data)),
        commands.map((c) => c.runAt ?? null),
      ],
    );
  }

  /** True when the outbox holds a row with this id (published or not), seen from inside `tx`. */
  async hasMessage(tx: Tx, id: string): Promise<boolean> {
    const rows = await tx.query<unknown[]>('SELECT 1 FROM outbox_messages WHERE id = $1', [id]);
    return rows.length > 0;
  }

  /** Adds one job for one internal queue, typed by the job map of `@app/queue`; returns the row id. */
  async addCommand<Q extends QueueName, N extends JobName<Q>>(
    tx: Tx,
    command: NewCommand<Q, N>,
  ): Promise<string> {
    requireTransaction(tx, 'addCommand');
    if (!QUEUE_NAMES.has(command.queue)) throw new Error(`Unknown queue: ${command.queue}`);
    if (!(JOB_NAMES[command.queue] as string[]).includes(command.name))
      throw new Error(`Unknown job ${command.name} on ${command.queue}`);
    assertValidJobId(command.jobId);
    const id = randomUUID();
    await tx.query(INSERT_COMMAND, [
      id,
      command.name,
      command.queue,
      command.jobId,
      JSON.stringify(command.data),
      command.runAt ?? null,
    ]);
    return id;
  }
}

function requireTransaction(tx: Tx, method: string): void {
  if (!tx.queryRunner?.isTransactionActive)
    throw new Error(`OutboxService.${method} must run inside the transaction of the change it announces`);
}

/**
 * BullMQ refuses integer-like ids and ids with ':' when the job is added; refusing them here keeps a bad row from
 * ever reaching the relay, where it would block every row behind it.
 */
export function assertValidJobId(jobId: string): void {
  if (jobId.length === 0 || jobId.length > 200) throw new Error('A job id has 1 to 200 characters');
  if (`${parseInt(jobId, 10)}` === jobId) throw new Error(`Job id ${jobId} must not be an integer`);
  if (jobId.includes(':')) throw new Error(`Job id ${jobId} must not contain ':' (BullMQ reserves it)`);
}
