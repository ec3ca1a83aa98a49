export * from './calendar.module';
export * from './working-calendar';
