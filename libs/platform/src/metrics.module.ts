import { Global, Module } from '@nestjs/common';
import { PrometheusModule, makeHistogramProvider } from '@willsoto/nestjs-prometheus';

export const HTTP_DURATION_METRIC = 'hev_http_request_duration_seconds';

/** Prometheus `/metrics` with Node defaults and the HTTP latency histogram (observed by a Fastify hook). */
@Global()
@Module({
  imports: [PrometheusModule.register({ path: '/metrics', defaultMetrics: { enabled: true } })],
  providers: [
    makeHistogramProvider({
      name: HTTP_DURATION_METRIC,
      help: 'HTTP request latency by method, route and status',
      labelNames: ['method', 'route', 'status'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    }),
  ],
  exports: [PrometheusModule, `PROM_METRIC_${HTTP_DURATION_METRIC.toUpperCase()}`],
})
export class MetricsModule {}
