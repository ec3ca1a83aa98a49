import { Module } from '@nestjs/common';
import { BeneficiariesModule } from '@app/beneficiaries';
import { BeneficiariesController } from './beneficiaries.controller';
import { LifeEventsController } from './life-events.controller';
import { ReviewBatchesController } from './review-batches.controller';
import { ReviewsController } from './reviews.controller';

@Module({
  imports: [BeneficiariesModule],
  controllers: [BeneficiariesController, ReviewsController, ReviewBatchesController, LifeEventsController],
})
export class BeneficiariesHttpModule {}
