import { Module } from '@nestjs/common';
import { ApplicationsModule } from '@app/applications';
import { AuditModule } from '@app/audit';
import { DecisionsModule } from '@app/decisions';
import { EventsModule } from '@app/events';
import { PolicyModule } from '@app/policy';
import { PrivacyModule } from '@app/privacy';
import { VerificationCompletionService } from './orchestration/verification-completion.service';
import { VerificationQueues } from './orchestration/verification-queues';
import { VerificationReconciler } from './orchestration/verification-reconciler.service';
import { VerificationRunner } from './orchestration/verification-runner.service';
import { SourceBatches } from './orchestration/source-batches';
import { SharedBreaker } from './sources/shared-breaker';
import { SourceGateway } from './sources/source-gateway';
import { sourceMetricProviders } from './sources/source-metrics';
import { SourceStatsRecorder } from './sources/source-stats.recorder';
import { VerificationModule } from './verification.module';

/** The worker side of verification: runs, source calls with their protections, completion, the reconciler. */
@Module({
  imports: [
    ApplicationsModule,
    AuditModule,
    DecisionsModule,
    EventsModule,
    PolicyModule,
    PrivacyModule,
    VerificationModule,
  ],
  providers: [
    ...sourceMetricProviders,
    SourceStatsRecorder,
    SourceGateway,
    SharedBreaker,
    SourceBatches,
    VerificationQueues,
    VerificationRunner,
    VerificationCompletionService,
    VerificationReconciler,
  ],
  exports: [VerificationRunner, VerificationCompletionService, VerificationReconciler, SourceGateway],
})
export class VerificationPipelineModule {}
