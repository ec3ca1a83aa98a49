import { Module } from '@nestjs/common';
import { outboxMetricProviders } from './outbox.metrics';
import { OutboxRelay } from './outbox.relay';

/** The outbox relay and its gauges; imported by the worker only. DataSource and config come from the app. */
@Module({ providers: [OutboxRelay, ...outboxMetricProviders], exports: [OutboxRelay] })
export class EventsRelayModule {}
