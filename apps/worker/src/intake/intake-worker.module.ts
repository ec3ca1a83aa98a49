import { Module } from '@nestjs/common';
import { ApplicationsModule } from '@app/applications';
import { BeneficiariesModule } from '@app/beneficiaries';
import { IntakeProcessor } from './intake.processor';

@Module({ imports: [ApplicationsModule, BeneficiariesModule], providers: [IntakeProcessor] })
export class IntakeWorkerModule {}
