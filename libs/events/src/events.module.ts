import { Module } from '@nestjs/common';
import { OutboxService } from './outbox.service';

/** The outbox writer, for libs whose state changes announce events; the relay lives in `EventsRelayModule`. */
@Module({ providers: [OutboxService], exports: [OutboxService] })
export class EventsModule {}
