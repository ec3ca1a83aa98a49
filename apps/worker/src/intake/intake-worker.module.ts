import { Module } from '@nestjs/common';
import { ApplicationsModule } from '@app/applications';
import { IntakeProcessor } from './intake.processor';

@Module({ imports: [ApplicationsModule], providers: [IntakeProcessor] })
export class IntakeWorkerModule {}
