import { Module } from '@nestjs/common';
import { CalendarStoreModule } from '@app/calendar';
import { CalendarController } from './calendar.controller';

@Module({ imports: [CalendarStoreModule], controllers: [CalendarController] })
export class CalendarHttpModule {}
