import { Controller, Get, Global, Module, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { PrometheusController, PrometheusModule, makeHistogramProvider } from '@willsoto/nestjs-prometheus';
import { Public } from '@app/common';

export const HTTP_DURATION_METRIC = 'hev_http_request_duration_seconds';

/** `/metrics` needs no token (the access guard decides by handler metadata); hide it behind METRICS_PORT instead. */
@ApiExcludeController()
@Public()
@Controller()
export class MetricsController extends PrometheusController {
  @Get()
  override index(@Res({ passthrough: true }) response: unknown): Promise<string> {
    return super.index(response);
  }
}

/** Prometheus `/metrics` with Node defaults and the HTTP latency histogram (observed by a Fastify hook). */
@Global()
@Module({
  imports: [
    PrometheusModule.register({
      path: '/metrics',
      defaultMetrics: { enabled: true },
      controller: MetricsController,
    }),
  ],
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
