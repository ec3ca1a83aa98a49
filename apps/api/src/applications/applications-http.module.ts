import { Module } from '@nestjs/common';
import { ApplicationsModule } from '@app/applications';
import { ApplicationWorkflowController } from './application-workflow.controller';
import { ApplicationsController } from './applications.controller';

@Module({
  imports: [ApplicationsModule],
  controllers: [ApplicationsController, ApplicationWorkflowController],
})
export class ApplicationsHttpModule {}
