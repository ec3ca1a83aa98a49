import { Module } from '@nestjs/common';
import { ConfigModule } from '@app/config';
import { DatabaseModule } from '@app/database';
import { HealthModule, LoggingModule, MetricsModule } from '@app/platform';
import { QueueModule } from '@app/queue';
import { AccessHttpModule } from './access/access-http.module';
import { ApplicationsHttpModule } from './applications/applications-http.module';
import { AreasHttpModule } from './areas/areas-http.module';
import { AuditHttpModule } from './audit/audit-http.module';
import { CalendarHttpModule } from './calendar/calendar-http.module';
import { BeneficiariesHttpModule } from './beneficiaries/beneficiaries-http.module';
import { DecisionsHttpModule } from './decisions/decisions-http.module';
import { PolicyHttpModule } from './policy/policy-http.module';
import { ReportsHttpModule } from './reports/reports-http.module';
import { VerificationHttpModule } from './verification/verification-http.module';

@Module({
  imports: [
    ConfigModule,
    LoggingModule,
    MetricsModule,
    DatabaseModule,
    QueueModule,
    HealthModule,
    AccessHttpModule,
    AreasHttpModule,
    AuditHttpModule,
    ApplicationsHttpModule,
    PolicyHttpModule,
    DecisionsHttpModule,
    ReportsHttpModule,
    VerificationHttpModule,
    CalendarHttpModule,
    BeneficiariesHttpModule,
  ],
})
export class AppModule {}
