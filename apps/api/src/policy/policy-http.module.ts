import { Module } from '@nestjs/common';
import { PolicyModule } from '@app/policy';
import { PolicyController } from './policy.controller';

@Module({ imports: [PolicyModule], controllers: [PolicyController] })
export class PolicyHttpModule {}
