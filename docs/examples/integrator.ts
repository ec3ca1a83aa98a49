/*
 * A complete integrator of the HEV platform, as docs/integration.md describes it: it logs in with an INTEGRATION
 * account, submits applications on the intake queue with its token, and consumes its event queue — verifying every
 * event's signature with the platform's published key and processing each event id once.
 *
 * It depends only on public packages (bullmq, json-canonicalize) and Node.js ≥ 20: copy it into your own project.
 * test/integrator-example.e2e-spec.ts runs it against the real platform in `npm test`.
 */
import { createPublicKey, verify, type JsonWebKey, type KeyObject } from 'node:crypto';
import { Queue, QueueEvents, UnrecoverableError, Worker, type ConnectionOptions, type Job } from 'bullmq';
import { canonicalize } from 'json-canonicalize';

export interface IntegratorConfig {
  /** The platform's base URL, e.g. `https://hev.example.gov.cn`. */
  apiUrl: string;
  /** The platform's Redis, e.g. `redis://redis.example.internal:6379`. */
  redisUrl: string;
  /** The deployment's `QUEUE_PREFIX` (default `{hev}`). */
  queuePrefix: string;
  /** Your name in the platform's `EVENT_SUBSCRIBERS`: you consume `hev-events-<subscriber>`. */
  subscriber: string;
  username: string;
  password: string;
}

/** A CloudEvents 1.0 envelope as the platform publishes it (docs/asyncapi.yaml). */
export interface HevEvent {
  specversion: '1.0';
  id: string;
  type: string;
  source: string;
  subject?: string;
  time: string;
  datacontenttype: 'application/json';
  data: Record<string, unknown>;
  /** Base64 Ed25519 signature over the RFC 8785 canonical JSON of the event without this attribute. */
  hevsignature: string;
}

/** What a submission came to: accepted (an application exists) or rejected (nothing was created). */
export type SubmitOutcome =
  | { accepted: true; applicationId: string; number: string; status: string; replayed: boolean }
  | { accepted: false; reason: string };

function connection(redisUrl: string): ConnectionOptions {
  const url = new URL(redisUrl);
  return {
    host: url.hostname,
    port: url.port ? Number(url.port) : 6379,
    ...(url.username ? { username: decodeURIComponent(url.username) } : {}),
    ...(url.password ? { password: decodeURIComponent(url.password) } : {}),
    ...(url.pathname.length > 1 ? { db: Number(url.pathname.slice(1)) } : {}),
    ...(url.protocol === 'rediss:' ? { tls: {} } : {}),
    // A consumer blocks on Redis and must never give up a command.
    maxRetriesPerRequest: null,
  };
}

async function getJson<T>(url: string, init?: RequestInit): Promise<T> {
  const response = await fetch(url, init);
  if (!response.ok) throw new Error(`${init?.method ?? 'GET'} ${url} answered ${response.status}`);
  return (await response.json()) as T;
}

/** `POST /api/v1/auth/login` → the access token. It expires (`expiresIn` seconds): log in again before it does. */
export async function login(config: IntegratorConfig): Promise<{ token: string; expiresIn: number }> {
  const body = await getJson<{ accessToken: string; expiresIn: number }>(
    `${config.apiUrl}/api/v1/auth/login`,
    {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: config.username, password: config.password }),
    },
  );
  return { token: body.accessToken, expiresIn: body.expiresIn };
}

/** `GET /api/v1/keys` (public): the platform's Ed25519 public keys. Keep old ones after a key rotation. */
export async function fetchPlatformKeys(apiUrl: string): Promise<KeyObject[]> {
  const body = await getJson<{ keys: (JsonWebKey & { kid: string })[] }>(`${apiUrl}/api/v1/keys`);
  return body.keys.map(({ kty, crv, x }) => createPublicKey({ key: { kty, crv, x }, format: 'jwk' }));
}

/** True when `event` carries a valid platform signature under one of `keys`. */
export function verifyEventSignature(event: unknown, keys: readonly KeyObject[]): event is HevEvent {
  if (typeof event !== 'object' || event === null) return false;
  const { hevsignature, ...unsigned } = event as Record<string, unknown>;
  if (typeof hevsignature !== 'string') return false;
  const message = Buffer.from(canonicalize(unsigned), 'utf8');
  const signature = Buffer.from(hevsignature, 'base64');
  return keys.some((key) => verify(null, message, key, signature));
}

/**
 * Adds an `application.submit` job to `hev-intake` and waits for the platform's answer. The idempotency key is yours:
 * derive it from your own record (never from an ID number), and reuse it when you resubmit after a timeout, a Redis
 * outage or an expired token — the platform then returns the application it already created instead of a second one.
 */
export async function submitApplication(
  config: IntegratorConfig,
  token: string,
  idempotencyKey: string,
  application: Record<string, unknown>,
  timeoutMs = 30_000,
): Promise<SubmitOutcome> {
  const queue = new Queue('hev-intake', {
    connection: connection(config.redisUrl),
    prefix: config.queuePrefix,
  });
  const events = new QueueEvents('hev-intake', {
    connection: connection(config.redisUrl),
    prefix: config.queuePrefix,
  });
  try {
    await events.waitUntilReady();
    const job: Job = await queue.add(
      'application.submit',
      { idempotencyKey, token, application },
      // A rejected job is final (the platform never retries it); keep finished jobs briefly, the events say the rest.
      {
        attempts: 3,
        backoff: { type: 'exponential', delay: 1000 },
        removeOnComplete: 1000,
        removeOnFail: 1000,
      },
    );
    try {
      const { applicationId, number, status, replayed } = (await job.waitUntilFinished(
        events,
        timeoutMs,
      )) as {
        applicationId: string;
        number: string;
        status: string;
        replayed: boolean;
      };
      return { accepted: true, applicationId, number, status, replayed };
    } catch (error) {
      // The job failed: the platform refused it and published `application.intake-rejected` with every problem.
      return { accepted: false, reason: error instanceof Error ? error.message : String(error) };
    }
  } finally {
    await events.close();
    await queue.close();
  }
}

/** Where a consumer remembers the event ids it has processed. In production: a table with a unique key. */
export interface ProcessedEvents {
  has(id: string): Promise<boolean>;
  add(id: string): Promise<void>;
}

export function inMemoryProcessedEvents(): ProcessedEvents {
  const ids = new Set<string>();
  return {
    has: (id) => Promise.resolve(ids.has(id)),
    add: (id) => {
      ids.add(id);
      return Promise.resolve();
    },
  };
}

export interface ConsumerCounts {
  handled: number;
  duplicates: number;
  refused: number;
}

/**
 * Consumes `hev-events-<subscriber>`: refuses an event without a valid signature (it did not come from the platform),
 * skips an event id it has already processed (delivery is at least once, and a replay sends old events again), and
 * hands every other event to `handle` once.
 */
export function startEventConsumer(
  config: IntegratorConfig,
  keys: readonly KeyObject[],
  handle: (event: HevEvent) => Promise<void>,
  processed: ProcessedEvents = inMemoryProcessedEvents(),
): { counts: ConsumerCounts; close: () => Promise<void> } {
  const counts: ConsumerCounts = { handled: 0, duplicates: 0, refused: 0 };
  const worker = new Worker(
    `hev-events-${config.subscriber}`,
    async (job: Job<unknown>) => {
      if (!verifyEventSignature(job.data, keys)) {
        counts.refused++;
        // Not the platform's: never act on it, never retry it; alert whoever can write to your queue.
        throw new UnrecoverableError(`event job ${job.id ?? '?'} has no valid platform signature`);
      }
      const event = job.data;
      if (await processed.has(event.id)) {
        counts.duplicates++;
        return 'duplicate';
      }
      // In production, do the effect and record the id in one transaction of your own database.
      await handle(event);
      await processed.add(event.id);
      counts.handled++;
      return 'handled';
    },
    // One at a time keeps the events of an application in the order the platform queued them.
    { connection: connection(config.redisUrl), prefix: config.queuePrefix, concurrency: 1 },
  );
  return { counts, close: () => worker.close() };
}
