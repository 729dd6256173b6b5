import type { EpochRecord, TrainerCallbacks } from '@pg/trainer';
import type { FlatConfig } from '../config/config-keys.js';
import type { Logger } from '../runtime/logger.js';

/** The part of the W&B JavaScript SDK (`@wandb/sdk`, an optional peer of the CLI) a run uses. */
export interface WandbClient {
  init(options: Record<string, unknown>): Promise<unknown>;
  log(data: Record<string, unknown>, step?: number): void;
  finish(code?: number): Promise<void>;
}

/** Where tracking gets its client and credentials; tests pass a stand-in client. */
export interface TrackingSources {
  /** Loads the W&B client. Default: the default export of `@wandb/sdk`. */
  loadClient?: () => Promise<WandbClient>;
  /** The W&B API key. Default: the `WANDB_API_KEY` environment variable. */
  apiKey?: string;
}

const WANDB_PACKAGE = '@wandb/sdk';

async function loadWandb(): Promise<WandbClient> {
  const specifier = WANDB_PACKAGE; // a variable: bundlers and the type checker leave the optional peer alone
  return ((await import(specifier)) as { default: WandbClient }).default;
}

/** Tracking of a run's metrics by Weights & Biases, when it is configured and available. */
export interface ExperimentTracking {
  readonly callbacks: TrainerCallbacks;
  /** Logs final numbers and closes the W&B run. */
  finish(metrics: Readonly<Record<string, number | null>>): Promise<void>;
}

/**
 * Starts W&B tracking when `wandb_enabled` is true, the optional peer
 * `@wandb/sdk` is installed and `WANDB_API_KEY` is set. Otherwise (or if W&B
 * fails) it warns once and returns `undefined`: a run never fails because
 * tracking is unavailable, and `metrics.jsonl` always has the numbers.
 */
export async function startTracking(config: FlatConfig, runName: string, log: Logger, sources: TrackingSources = {}): Promise<ExperimentTracking | undefined> {
  if (!config.wandb_enabled) return undefined;
  const skip = (why: string) => {
    log.warn(`wandb_enabled is true but ${why}; metrics go to metrics.jsonl only`);
    return undefined;
  };
  if (!(sources.apiKey ?? process.env.WANDB_API_KEY)) return skip('WANDB_API_KEY is not set');
  let wandb: WandbClient;
  try {
    wandb = await (sources.loadClient ?? loadWandb)();
  } catch (error) {
    const code = (error as { code?: string }).code;
    const missing = (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') && String((error as Error).message).includes(WANDB_PACKAGE);
    return skip(missing ? `the W&B client is not installed (npm install ${WANDB_PACKAGE})` : `the W&B client failed to load (${String((error as Error).message).split('\n')[0]})`);
  }
  try {
    await wandb.init({
      project: config.wandb_project ?? undefined,
      entity: config.wandb_entity ?? undefined,
      name: runName,
      tags: config.wandb_tags,
      config: { ...config, wandb_group: config.wandb_group },
    });
  } catch (error) {
    return skip(`W&B could not start (${(error as Error).message})`);
  }
  return {
    callbacks: {
      onEpochEnd: (record: EpochRecord) => wandb.log({ ...record }, record.epoch),
    },
    async finish(metrics) {
      wandb.log({ ...metrics });
      await wandb.finish();
    },
  };
}
