export * from './event.types';
export * from './events-relay.module';
export * from './events.module';
export * from './outbox-message.entity';
export * from './outbox.metrics';
export * from './outbox.relay';
export * from './outbox.service';
