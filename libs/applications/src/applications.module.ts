import { Module } from '@nestjs/common';
import { AccessModule } from '@app/access';
import { AreasModule } from '@app/areas';
import { AuditModule } from '@app/audit';
import { CalendarStoreModule } from '@app/calendar';
import { DecisionsModule } from '@app/decisions';
import { EventsModule } from '@app/events';
import { PrivacyModule } from '@app/privacy';
import { ApplicationApprovalHooks } from './application-approval-hooks';
import { ApplicationIntakeService } from './application-intake.service';
import { ApplicationRepository } from './application.repository';
import { ApplicationViewService } from './application-view.service';
import { ApplicationWorkflowRepository } from './application-workflow.repository';
import { ApplicationWorkflowService } from './application-workflow.service';
import { ApplicationsService } from './applications.service';

@Module({
  imports: [
    AccessModule,
    AreasModule,
    AuditModule,
    CalendarStoreModule,
    DecisionsModule,
    EventsModule,
    PrivacyModule,
  ],
  providers: [
    ApplicationApprovalHooks,
    ApplicationRepository,
    ApplicationWorkflowRepository,
    ApplicationViewService,
    ApplicationsService,
    ApplicationWorkflowService,
    ApplicationIntakeService,
  ],
  exports: [
    ApplicationApprovalHooks,
    ApplicationsService,
    ApplicationRepository,
    ApplicationWorkflowRepository,
    ApplicationViewService,
    ApplicationWorkflowService,
    ApplicationIntakeService,
  ],
})
export class ApplicationsModule {}
