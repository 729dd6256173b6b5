import type { FlatConfig } from '../config/config-keys.js';
import type { BackendInfo } from '../runtime/backend.js';
import type { Logger } from '../runtime/logger.js';
import type { RunFolder } from '../runtime/run-folder.js';
import type { SummaryWriter } from './run-summary.js';

/** What every stage of a run works with. */
export interface RunContext {
  readonly config: FlatConfig;
  readonly run: RunFolder;
  readonly log: Logger;
  readonly summary: SummaryWriter;
  readonly backend: BackendInfo;
  /** Set once the user asked to stop (Ctrl-C, SIGTERM); long work checks it. */
  readonly interruption: { readonly requested: boolean };
}
