import { Module } from '@nestjs/common';
import { defaultCalendar, WorkingCalendar } from './working-calendar';

// Injectable for services that prefer DI; the same singleton as defaultCalendar(), so both agree.
@Module({
  providers: [{ provide: WorkingCalendar, useFactory: defaultCalendar }],
  exports: [WorkingCalendar],
})
export class CalendarModule {}
