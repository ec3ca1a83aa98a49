import { Module } from '@nestjs/common';
import { DecisionRecordsService } from './decision-records.service';

/** Decision records (SPEC 6.5). DataSource and configuration come from the app. */
@Module({ providers: [DecisionRecordsService], exports: [DecisionRecordsService] })
export class DecisionsModule {}
