export { PolicyPage } from './PolicyVersions';
