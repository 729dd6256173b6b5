export { ReportError } from './errors.js';
