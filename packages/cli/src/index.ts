export { CONFIG_KEYS, CONFIG_SECTIONS, type ConfigKey, type ConfigKeyName, type ConfigSection, type FlatConfig } from './config/config-keys.js';
export { describeSchema } from './config/describe-schema.js';
export { parseRunConfig, type ConfigSource } from './config/resolve-config.js';
export { ConfigError } from './errors.js';
export { EXIT, main } from './main.js';
export { executeRun, parseRunConfigFile, type RunOutcome, type RunSource } from './pipeline/execute-run.js';
export type { RunSummary, StageName, StageRecord } from './pipeline/run-summary.js';
export { useBackend, type BackendInfo, type BackendName } from './runtime/backend.js';
