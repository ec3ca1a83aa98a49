export { SourcesReportPage } from './SourcesReport';
