export * from './decision-record-replay';
export * from './decision-record.entity';
export * from './decision-record.types';
export * from './decision-records.service';
export * from './decisions.module';
export * from './record-signer';
