import { type Provider } from '@nestjs/common';
import { makeCounterProvider, makeGaugeProvider, makeHistogramProvider } from '@willsoto/nestjs-prometheus';

export const SOURCE_DURATION_METRIC = 'hev_source_request_duration_seconds';
export const SOURCE_FAILURES_METRIC = 'hev_source_failures_total';
export const SOURCE_CIRCUIT_METRIC = 'hev_source_circuit_state';

/** Prometheus metrics per data source (SPEC 10): latency, failures by kind, circuit state. Worker only. */
export const sourceMetricProviders: Provider[] = [
  makeHistogramProvider({
    name: SOURCE_DURATION_METRIC,
    help: 'Latency of calls to a data source (one household batch per call), by source and outcome',
    labelNames: ['source', 'outcome'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  }),
  makeCounterProvider({
    name: SOURCE_FAILURES_METRIC,
    help: 'Failed calls to a data source by kind (TIMEOUT, UNAVAILABLE, …; CIRCUIT_OPEN when the breaker refused)',
    labelNames: ['source', 'kind'],
  }),
  makeGaugeProvider({
    name: SOURCE_CIRCUIT_METRIC,
    help: 'Circuit breaker state per data source in this worker: 0 closed, 1 open, 2 half-open, 3 isolated',
    labelNames: ['source'],
  }),
];
