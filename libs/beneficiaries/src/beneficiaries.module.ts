import { Module } from '@nestjs/common';
import { AccessModule } from '@app/access';
import { ApplicationsModule } from '@app/applications';
import { AreasModule } from '@app/areas';
import { AuditModule } from '@app/audit';
import { CalendarModule } from '@app/calendar';
import { DecisionsModule } from '@app/decisions';
import { EventsModule } from '@app/events';
import { PolicyModule } from '@app/policy';
import { PrivacyModule } from '@app/privacy';
import { VerificationModule } from '@app/verification';
import { BeneficiariesService } from './beneficiaries.service';
import { BeneficiaryRecords } from './beneficiary-records';
import { BeneficiaryRepository } from './beneficiary.repository';
import { Clock } from './clock';
import { LifeEventIntakeService } from './life-event-intake.service';
import { LifeEventsService } from './life-events.service';
import { ReviewBatchesService } from './review-batches.service';
import { ReviewRunOwner } from './review-run-owner';
import { ReviewRepository } from './review.repository';
import { ReviewsService } from './reviews.service';

/** Dynamic management (SPEC 11): the beneficiary roll, reviews, review batches and life events. */
@Module({
  imports: [
    AccessModule,
    AreasModule,
    AuditModule,
    CalendarModule,
    DecisionsModule,
    EventsModule,
    PolicyModule,
    PrivacyModule,
    ApplicationsModule,
    VerificationModule,
  ],
  providers: [
    Clock,
    BeneficiaryRepository,
    ReviewRepository,
    BeneficiaryRecords,
    BeneficiariesService,
    ReviewsService,
    ReviewRunOwner,
    ReviewBatchesService,
    LifeEventsService,
    LifeEventIntakeService,
  ],
  exports: [
    Clock,
    BeneficiariesService,
    ReviewsService,
    ReviewRunOwner,
    ReviewBatchesService,
    LifeEventsService,
    LifeEventIntakeService,
  ],
})
export class BeneficiariesModule {}
