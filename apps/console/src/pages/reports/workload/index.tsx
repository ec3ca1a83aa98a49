export { WorkloadReportPage } from './WorkloadReport';
