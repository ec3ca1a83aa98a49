import { Module } from '@nestjs/common';
import { ApplicationsModule } from '@app/applications';
import { AuditModule } from '@app/audit';
import { RunOwnerRegistry } from './orchestration/run-owner';
import { VerificationRepository } from './persistence/verification.repository';
import { SourceReportService } from './sources/source-report.service';
import { VerificationQueryService } from './verification-query.service';

/** The read side of verification, for the API (and for the workflow, which reads recommendations). */
@Module({
  imports: [ApplicationsModule, AuditModule],
  providers: [VerificationRepository, VerificationQueryService, SourceReportService, RunOwnerRegistry],
  exports: [VerificationRepository, VerificationQueryService, SourceReportService, RunOwnerRegistry],
})
export class VerificationModule {}
