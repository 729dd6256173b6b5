import type { NetworkState } from '@pg/models';
import { nodeFiles } from './node-files.js';
import type { EpochRecord, TrainerCallbacks } from './trainer-callbacks.js';

const line = (record: EpochRecord) => `${JSON.stringify({ event: 'epoch', ...record })}\n`;

/**
 * Keeps `path` a JSON-lines file of the finished epochs, one
 * `{"event":"epoch", ...record}` line each: machine-readable metrics that
 * survive a crash. When training starts, the file is rewritten to hold
 * exactly the epochs the trainer has finished (none for a fresh trainer; a
 * restored snapshot's history after a resume), so lines written after that
 * snapshot by an interrupted run, or a line cut short by a kill, never
 * appear twice or half; then each epoch appends its line.
 *
 * @example
 * ```ts
 * new Trainer(model, dataset.train, { callbacks: [consoleProgress(), jsonlMetrics('run/abc/metrics.jsonl')] });
 * ```
 */
export function jsonlMetrics<S extends NetworkState = NetworkState>(path: string): TrainerCallbacks<S> {
  return {
    async onTrainStart(trainer) {
      const [{ rename, writeFile }] = await nodeFiles();
      // Written whole under another name, then renamed: a kill leaves the old file or the new one.
      await writeFile(`${path}.partial`, trainer.history.map(line).join(''));
      await rename(`${path}.partial`, path);
    },
    async onEpochEnd(record) {
      const [{ appendFile }] = await nodeFiles();
      await appendFile(path, line(record));
    },
  };
}
