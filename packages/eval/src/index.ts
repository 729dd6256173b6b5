export { EvalError } from './errors.js';
export { evaluateSplit, type EvaluateSplitOptions } from './evaluate-split.js';
export { longExploration, type LongExplorationOptions, type LongExplorationResult } from './long-exploration.js';
export { correctness, meanOverSequences } from './mean-over-sequences.js';
export { predictSequences, type PredictOptions } from './predict-sequences.js';
export { rollingMean, type Curve } from './rolling-mean.js';
export { oracleExpectedCorrect, scoreSteps, type StepAccuracy, type SubsetAccuracy } from './step-accuracy.js';
export { stepsToRecover, type Recovery, type RecoveryOptions } from './steps-to-recover.js';
export { switchAdaptation, type SwitchAdaptationOptions, type SwitchAdaptationResult } from './switch-adaptation.js';
