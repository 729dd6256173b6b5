import { appendFileSync } from 'node:fs';
import type { NetworkState } from '@pg/models';
import type { TrainerCallbacks } from './trainer-callbacks.js';

/**
 * Appends one JSON line per finished epoch (`{"event":"epoch", ...record}`)
 * to `path`: machine-readable metrics that survive a crash.
 *
 * @example
 * ```ts
 * new Trainer(model, dataset.train, { callbacks: [consoleProgress(), jsonlMetrics('run/abc/metrics.jsonl')] });
 * ```
 */
export function jsonlMetrics<S extends NetworkState = NetworkState>(path: string): TrainerCallbacks<S> {
  return {
    onEpochEnd(record) {
      appendFileSync(path, `${JSON.stringify({ event: 'epoch', ...record })}\n`);
    },
  };
}
