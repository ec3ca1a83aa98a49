import { DisposableRedis } from '@app/testing';
import { client, startApi, type RunningApi } from './support/api-harness';

/** Polls until `probe` returns the wanted status (readiness changes as connections notice the outage). */
async function eventually(probe: () => Promise<number>, wanted: number, timeoutMs = 15_000): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  let last = await probe();
  while (last !== wanted && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 250));
    last = await probe();
  }
  return last;
}

describe('operations surface: health, readiness and metrics (SPEC 10)', () => {
  let redis: DisposableRedis;
  let api: RunningApi;
  let http: ReturnType<typeof client>;

  beforeAll(async () => {
    redis = await DisposableRedis.create();
    api = await startApi({ REDIS_URL: redis.url });
    http = client(api.app);
  }, 60_000);

  afterAll(async () => {
    await redis.start().catch(() => undefined); // lets the app close its queue connections quickly
    await api.close();
    await redis.stop();
  });

  it('is live and ready while PostgreSQL and Redis answer', async () => {
    expect((await http.call('GET', '/health/live')).status).toBe(200);
    const ready = await http.call('GET', '/health/ready');
    expect(ready.status).toBe(200);
    expect(ready.body).toMatchObject({
      status: 'ok',
      info: { postgres: { status: 'up' }, redis: { status: 'up' } },
    });
  });

  it('turns 503 when Redis stops and 200 again when it is back', async () => {
    await redis.stop();
    const probe = async () => (await http.call('GET', '/health/ready')).status;
    expect(await eventually(probe, 503)).toBe(503);
    const down = await http.call('GET', '/health/ready');
    expect(down.body).toMatchObject({ status: 'error', error: { redis: { status: 'down' } } });
    expect((await http.call('GET', '/health/live')).status).toBe(200);
    await redis.start();
    expect(await eventually(probe, 200)).toBe(200);
  }, 40_000);

  it('exports Prometheus metrics with the HTTP latency histogram', async () => {
    await http.call('GET', '/health/live');
    const response = await api.app.inject({ method: 'GET', url: '/metrics' });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('hev_http_request_duration_seconds_bucket');
    expect(response.body).toContain('process_resident_memory_bytes');
  });
});
