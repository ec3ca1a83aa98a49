export { AuditPage } from './AuditSearch';
