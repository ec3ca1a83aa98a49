import { randomUUID } from 'node:crypto';
import { fastify } from 'fastify';
import { Pool } from 'pg';

/**
 * The intake benchmark's raw baseline ("how fast could it be"): a bare Fastify server whose route stores the
 * posted JSON with one PostgreSQL INSERT through pg and answers 201. No framework, validation, auth, encryption,
 * audit or outbox: whatever the platform spends beyond this is its own cost. Started by `bench/intake.bench.ts`
 * as its own process, with the same PostgreSQL pool size as the API.
 */
async function main(): Promise<void> {
  const databaseUrl = process.env.DATABASE_URL;
  const port = Number(process.env.PORT ?? '0');
  const poolSize = Number(process.env.BASELINE_POOL_SIZE ?? '20');
  if (!databaseUrl) throw new Error('DATABASE_URL is required');

  const pool = new Pool({
    connectionString: databaseUrl,
    max: poolSize,
    application_name: 'hev-bench-baseline',
  });
  await pool.query(
    `CREATE TABLE IF NOT EXISTS bench_baseline_rows (
       id uuid PRIMARY KEY, body jsonb NOT NULL, created_at timestamptz NOT NULL DEFAULT now())`,
  );

  const app = fastify({ logger: false, bodyLimit: 256 * 1024 });
  app.get('/health', () => ({ status: 'ok' }));
  app.post('/api/v1/applications', async (request, reply) => {
    const id = randomUUID();
    await pool.query('INSERT INTO bench_baseline_rows (id, body) VALUES ($1, $2)', [
      id,
      JSON.stringify(request.body),
    ]);
    return reply.code(201).send({ id });
  });

  const close = (): void => {
    void app
      .close()
      .then(() => pool.end())
      .then(() => process.exit(0));
  };
  process.once('SIGTERM', close);
  process.once('SIGINT', close);
  await app.listen({ port, host: '127.0.0.1' });
}

main().catch((error: unknown) => {
  process.stderr.write(
    `baseline failed to start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
