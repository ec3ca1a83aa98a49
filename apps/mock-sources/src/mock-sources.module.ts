import { Module } from '@nestjs/common';
import { ConditionalModule } from '@nestjs/config';
import { ConfigModule, loadConfig } from '@app/config';
import { LivenessController, MetricsModule } from '@app/platform';
import { ControlModule } from './control.module';
import { DepartmentGateway } from './department-gateway.service';
import { DepartmentsController } from './departments.controller';
import { MockLoggingModule } from './mock-logging.module';
import { MockStateModule } from './mock-state.module';

/** The mocked departments of SPEC 5.2 and, outside production unless configured otherwise, their control API. */
@Module({
  imports: [
    ConfigModule,
    MockLoggingModule,
    MetricsModule,
    MockStateModule,
    // Decided from the same validated configuration as everything else; routes that are off do not exist at all.
    ConditionalModule.registerWhen(ControlModule, (env) => loadConfig(env).mockSourcesControl, {
      debug: false,
    }),
  ],
  controllers: [LivenessController, DepartmentsController],
  providers: [DepartmentGateway],
})
export class MockSourcesModule {}
