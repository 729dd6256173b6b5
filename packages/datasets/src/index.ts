export { DatasetError } from './errors.js';
