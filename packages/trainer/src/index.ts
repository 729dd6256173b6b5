export { TrainerError } from './errors.js';
