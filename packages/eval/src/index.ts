export { EvalError } from './errors.js';
