import { Module } from '@nestjs/common';
import { AccessModule } from '@app/access';
import { AreasModule } from '@app/areas';
import { CalendarStoreModule } from '@app/calendar';
import { WorkloadReportService } from './workload-report.service';

/** Reports of SPEC 9 (read models over the platform's tables). */
@Module({
  imports: [AccessModule, AreasModule, CalendarStoreModule],
  providers: [WorkloadReportService],
  exports: [WorkloadReportService],
})
export class ReportsModule {}
