import { Module } from '@nestjs/common';
import { MockStateService } from './mock-state.service';

/** One in-memory state shared by the departments and the control API. */
@Module({ providers: [MockStateService], exports: [MockStateService] })
export class MockStateModule {}
