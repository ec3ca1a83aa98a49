export * from './reports.module';
export * from './workload-report.service';
