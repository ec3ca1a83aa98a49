import { Module } from '@nestjs/common';
import { AccessModule } from '@app/access';
import { AreasModule } from '@app/areas';
import { AreasController } from './areas.controller';

@Module({ imports: [AreasModule, AccessModule], controllers: [AreasController] })
export class AreasHttpModule {}
