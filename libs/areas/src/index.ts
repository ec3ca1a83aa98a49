export * from './area-level';
export * from './area.entity';
export * from './areas.module';
export * from './areas.service';
