import { Module } from '@nestjs/common';
import { ApplicationsModule } from '@app/applications';
import { AuditModule } from '@app/audit';
import { BeneficiariesModule } from '@app/beneficiaries';
import { ConfigModule } from '@app/config';
import { DatabaseModule } from '@app/database';
import { EventsRelayModule } from '@app/events';
import { HealthModule, LoggingModule, MetricsModule } from '@app/platform';
import { QueueModule } from '@app/queue';
import { IntakeWorkerModule } from './intake/intake-worker.module';
import { VerificationPipelineModule } from '@app/verification';
import { AuditAnchorScheduler } from './audit-anchor.scheduler';
import { MaintenanceProcessor } from './maintenance.processor';
import { operationsMetricProviders } from './operations-metrics';
import { ReviewsProcessor } from './reviews.processor';
import { jobDurationProvider } from './queue-worker';
import { VerificationProcessor } from './verification.processor';

/** Queue consumers, the outbox relay, the reconciler and timers; plus health and metrics over HTTP. */
@Module({
  imports: [
    ConfigModule,
    LoggingModule,
    MetricsModule,
    DatabaseModule,
    QueueModule,
    HealthModule,
    EventsRelayModule,
    IntakeWorkerModule,
    ApplicationsModule,
    VerificationPipelineModule,
    AuditModule,
    BeneficiariesModule,
  ],
  providers: [
    jobDurationProvider,
    ...operationsMetricProviders,
    VerificationProcessor,
    MaintenanceProcessor,
    AuditAnchorScheduler,
    ReviewsProcessor,
  ],
})
export class WorkerModule {}
