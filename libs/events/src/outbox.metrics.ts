import { type Provider } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import { makeGaugeProvider } from '@willsoto/nestjs-prometheus';
import { type Gauge } from 'prom-client';
import { type DataSource } from 'typeorm';

export const OUTBOX_LAG_METRIC = 'hev_outbox_lag_seconds';
export const OUTBOX_UNPUBLISHED_METRIC = 'hev_outbox_unpublished';

interface OutboxBacklog {
  unpublished: number;
  lagSeconds: number;
}

/** Unpublished rows and the age of the oldest; reads only the partial index of unpublished rows. */
export async function readOutboxBacklog(dataSource: DataSource): Promise<OutboxBacklog> {
  const rows = await dataSource.query<{ unpublished: number; lag: number }[]>(
    `SELECT count(*)::int AS unpublished,
            coalesce(extract(epoch FROM clock_timestamp() - min(created_at)), 0)::float8 AS lag
       FROM outbox_messages WHERE published_at IS NULL`,
  );
  return { unpublished: rows[0]?.unpublished ?? 0, lagSeconds: Math.max(0, rows[0]?.lag ?? 0) };
}

/** Gauges read at scrape time, so every worker reports the same value whether or not it leads the relay. */
export const outboxMetricProviders: Provider[] = [
  makeGaugeProvider({
    name: OUTBOX_LAG_METRIC,
    help: 'Age in seconds of the oldest unpublished outbox row (0 when none)',
    inject: [getDataSourceToken()],
    async collect(this: Gauge<string>, dataSource: DataSource) {
      // A failed read keeps the last value rather than failing the whole scrape.
      const backlog = await readOutboxBacklog(dataSource).catch(() => undefined);
      if (backlog) this.set(backlog.lagSeconds);
    },
  }),
  makeGaugeProvider({
    name: OUTBOX_UNPUBLISHED_METRIC,
    help: 'Outbox rows not yet published to the queues',
    inject: [getDataSourceToken()],
    async collect(this: Gauge<string>, dataSource: DataSource) {
      const backlog = await readOutboxBacklog(dataSource).catch(() => undefined);
      if (backlog) this.set(backlog.unpublished);
    },
  }),
];
