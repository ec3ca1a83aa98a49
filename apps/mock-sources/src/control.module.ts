import { Module } from '@nestjs/common';
import { ControlController } from './control.controller';
import { MockStateModule } from './mock-state.module';

/** The control API; `MockSourcesModule` imports it only when `mockSourcesControl` is on. */
@Module({ imports: [MockStateModule], controllers: [ControlController] })
export class ControlModule {}
