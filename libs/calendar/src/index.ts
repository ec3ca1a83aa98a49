export * from './calendar.module';
export * from './calendar-store.module';
export * from './calendar-year-validation';
export * from './calendar.service';
export * from './working-calendar';
