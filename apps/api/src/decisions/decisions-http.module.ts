import { Module } from '@nestjs/common';
import { DecisionsModule } from '@app/decisions';
import { KeysController } from './keys.controller';

@Module({ imports: [DecisionsModule], controllers: [KeysController] })
export class DecisionsHttpModule {}
