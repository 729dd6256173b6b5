import type { NetworkState } from '@pg/models';
import { createProgress, type Progress } from './progress.js';
import type { TrainerCallbacks } from './trainer-callbacks.js';

/** Options of {@link consoleProgress}. */
export interface ConsoleProgressOptions {
  /** Draw a live bar. Default: whether stderr is a TTY. */
  interactive?: boolean;
  /** Where the epoch lines go. Default: stderr. */
  write?: (text: string) => void;
}

/**
 * Shows training progress: on a terminal a bar with ETA over each epoch's
 * batches; always one concise line per finished epoch.
 *
 * @example
 * ```ts
 * new Trainer(model, dataset.train, { epochs: 20, callbacks: consoleProgress() });
 * ```
 */
export function consoleProgress<S extends NetworkState = NetworkState>(options: ConsoleProgressOptions = {}): TrainerCallbacks<S> {
  let progress: Progress | undefined;
  return {
    onBatchEnd({ epoch, batch, numBatches, loss }, trainer) {
      progress ??= createProgress({ label: `epoch ${epoch}/${trainer.options.epochs}`, total: numBatches, ...options });
      progress.update(batch + 1, loss === undefined ? undefined : `loss ${loss.toFixed(4)}`);
    },
    onEpochEnd(record, trainer) {
      const validation = record.valLoss === null ? '' : `  val loss ${record.valLoss.toFixed(4)} acc ${percent(record.valAccuracy!)}`;
      const line = `epoch ${record.epoch}/${trainer.options.epochs}  loss ${record.trainLoss.toFixed(4)} acc ${percent(record.trainAccuracy)}${validation}  lr ${record.learningRate.toExponential(2)}  ${record.seconds.toFixed(1)} s`;
      (progress ?? createProgress({ label: '', total: 0, ...options })).finish(line);
      progress = undefined;
    },
  };
}

function percent(value: number): string {
  return `${(100 * value).toFixed(1)}%`;
}
