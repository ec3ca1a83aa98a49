import { Module } from '@nestjs/common';
import { ApplicationsModule } from '@app/applications';
import { VerificationModule } from '@app/verification';
import { SourceReportController } from './source-report.controller';
import { VerificationController } from './verification.controller';

@Module({
  imports: [ApplicationsModule, VerificationModule],
  controllers: [VerificationController, SourceReportController],
})
export class VerificationHttpModule {}
