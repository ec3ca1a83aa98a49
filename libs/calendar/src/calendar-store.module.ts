import { Module } from '@nestjs/common';
import { AuditModule } from '@app/audit';
import { CalendarRepository } from './calendar.repository';
import { CalendarService } from './calendar.service';

/**
 * The stored working-day calendar (SPEC 4) for the api and the worker; the DataSource comes from the app's
 * DatabaseModule. {@link CalendarModule} stays the data file's calendar alone, for code without a database.
 */
@Module({
  imports: [AuditModule],
  providers: [CalendarRepository, CalendarService],
  exports: [CalendarService],
})
export class CalendarStoreModule {}
