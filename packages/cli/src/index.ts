export { CONFIG_KEYS, CONFIG_SECTIONS, type ConfigKey, type ConfigKeyName, type ConfigSection, type FlatConfig } from './config/config-keys.js';
// describeSchema is public because the docs site generates the configuration reference from it.
export { describeSchema } from './config/describe-schema.js';
export { experimentDifference, type ExperimentDifference } from './config/experiment-difference.js';
export { parseRunConfig, type ConfigSource } from './config/resolve-config.js';
export { trainingSplits, type TrainingSplits } from './config/training-splits.js';
export { ConfigError } from './errors.js';
export { EXIT } from './exit-codes.js';
export { main } from './main.js';
export { executeRun, parseRunConfigFile, type RunOutcome, type RunSource } from './pipeline/execute-run.js';
export type { RunHalted, RunSummary, StageName, StageRecord } from './pipeline/run-summary.js';
export { readSweepPlan, type SweepPlan, type SweepRun } from './sweep/sweep-plan.js';
export { restoreRunProgress, saveRunProgress, type RunProgress } from './sweep/run-progress.js';
export { createLogger, type Logger, type LoggerOptions, type LogLevel } from './runtime/logger.js';
export type { RunFolder, RunStatus } from './runtime/run-folder.js';
