import { loadConfig } from '@app/config';
import { freePort } from '@app/testing';
import { startApi, type RunningApi } from './support/api-harness';

/** Issue 9 item 12: production refuses development secrets; /metrics and /api/docs can be moved or switched off. */
describe('safe defaults', () => {
  it('refuses the documented development secrets in production, naming each', () => {
    const production = {
      NODE_ENV: 'production',
      JWT_SECRET: 'dev-only-jwt-secret-change-me-in-production-0000',
      PII_KEY: '00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff',
      SIGNING_KEY: '9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60',
      ADMIN_PASSWORD: 'admin-dev-password',
    };
    expect(() => loadConfig(production)).toThrow(
      /JWT_SECRET: is the documented development default[\s\S]*PII_KEY: is the documented[\s\S]*SIGNING_KEY: is the documented[\s\S]*ADMIN_PASSWORD: is the documented/,
    );
    expect(() => loadConfig({ TRUSTED_PROXIES: '10.0.0.0/8, not-an-address' })).toThrow(
      /TRUSTED_PROXIES: not-an-address is not an IP address or CIDR/,
    );
    expect(loadConfig({ TRUSTED_PROXIES: '10.0.0.0/8, ::1' }).trustedProxies).toEqual(['10.0.0.0/8', '::1']);
    expect(loadConfig({ NODE_ENV: 'test' }).apiDocs).toBe(true);
  });

  describe('with METRICS_PORT and API_DOCS=false', () => {
    let api: RunningApi;
    let port: number;

    beforeAll(async () => {
      port = await freePort();
      api = await startApi({ METRICS_PORT: String(port), API_DOCS: 'false' });
    });

    afterAll(async () => {
      await api.close();
    });

    it('serves /metrics only on the internal port and no OpenAPI document', async () => {
      expect((await api.app.inject({ method: 'GET', url: '/metrics' })).statusCode).toBe(404);
      expect((await api.app.inject({ method: 'GET', url: '/api/docs-json' })).statusCode).toBe(404);
      const internal = await fetch(`http://127.0.0.1:${port}/metrics`);
      expect(internal.status).toBe(200);
      expect(await internal.text()).toContain('hev_http_request_duration_seconds');
      expect((await api.app.inject({ method: 'GET', url: '/health/live' })).statusCode).toBe(200);
    });
  });

  describe('with METRICS_PORT=off', () => {
    let api: RunningApi;

    beforeAll(async () => {
      api = await startApi({ METRICS_PORT: 'off', API_DOCS: 'true' });
    });

    afterAll(async () => {
      await api.close();
    });

    it('serves no metrics, and the OpenAPI document when asked to', async () => {
      expect((await api.app.inject({ method: 'GET', url: '/metrics' })).statusCode).toBe(404);
      expect((await api.app.inject({ method: 'GET', url: '/api/docs-json' })).statusCode).toBe(200);
    });
  });
});
