import type { GraphDataset } from '@pg/datasets';
import { createGraphNetwork, saveCheckpoint, type GraphNetwork } from '@pg/models';
import { trainingCurvesFigure } from '@pg/report';
import { consoleProgress, jsonlMetrics, loadSnapshot, saveSnapshot, SNAPSHOT_MANIFEST_FILE, Trainer, type Divergence, type TrainerCallbacks, type TrainerSnapshot } from '@pg/trainer';
import { dispose } from '@tensorflow/tfjs-core';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { networkConfig, trainerOptions } from '../config/to-options.js';
import { ConfigError } from '../errors.js';
import type { RunFolder } from '../runtime/run-folder.js';
import { startTracking, type ExperimentTracking } from './experiment-tracking.js';
import { writeFigure } from './figure-files.js';
import type { RunContext } from './run-context.js';
import { RunHalted } from './run-summary.js';

/** Where an unfinished run keeps the trainer's snapshot of its latest epoch (weights, optimizer, history). */
export const RESUME_DIR = 'resume';
/** One JSON line per finished epoch. */
export const METRICS_FILE = 'metrics.jsonl';

/** What the train stage hands on. */
export interface TrainedModel {
  readonly model: GraphNetwork;
  readonly tracking: ExperimentTracking | undefined;
}

/**
 * Trains the network, saving the trainer's snapshot under `resume/` after
 * every epoch, before the epoch's line goes to `metrics.jsonl` (so Ctrl-C,
 * SIGTERM or a kill at any moment leaves a resumable run), and at the end the
 * best weights as the run's checkpoint (`model.json`, `weights.bin`) and the
 * training curves. Resumes from `resume/` when it holds a snapshot; a run
 * whose metrics record epochs but whose snapshot is gone is refused rather
 * than restarted on top of them.
 */
export async function trainStage(context: RunContext, dataset: GraphDataset): Promise<TrainedModel> {
  const { config, run, log, summary, interruption } = context;
  const snapshot = await readSnapshot(run);
  const model = createGraphNetwork(config.network_type, networkConfig(config) as never);
  const counts = model.countParameters();
  summary.setMetrics({ parameters_slow: counts.slow, parameters_fast: counts.fast });
  log.info(`model: ${model.getClassName()}, ${counts.slow.toLocaleString('en-US')} trained parameters, ${counts.fast.toLocaleString('en-US')} fast values per sequence`);

  const tracking = await startTracking(config, run.id, log);
  const checkpointEveryEpoch: TrainerCallbacks = {
    async onEpochEnd(record, trainer) {
      log.debug(`epoch ${JSON.stringify(record)}`);
      const latest = trainer.snapshot();
      await saveSnapshot(latest, run.path(RESUME_DIR));
      dispose([latest.weights, latest.optimizer, latest.bestWeights ?? {}]);
    },
    onBatchEnd(_, trainer) {
      if (interruption.requested) trainer.stop();
    },
  };
  const trainer = new Trainer(model, dataset.train, {
    ...trainerOptions(config),
    ...(dataset.validation ? { validation: dataset.validation } : {}),
    // The snapshot first: a kill between the two leaves a line fewer, which the resumed trainer writes again.
    callbacks: [consoleProgress(), checkpointEveryEpoch, jsonlMetrics(run.path(METRICS_FILE)), ...(tracking ? [tracking.callbacks] : [])],
  });
  const walks = { trainWalks: trainer.partition.train.length, validationWalks: trainer.partition.validation.length };
  run.writeJson('trainer_config.json', { ...trainer.options, validation: trainer.validationSplit.name === 'validation' ? 'held_out_graphs' : 'train_walks', ...walks });
  summary.setMetrics({ train_walks: walks.trainWalks, validation_walks: walks.validationWalks });
  if (snapshot) {
    trainer.restore(snapshot);
    dispose([snapshot.weights, snapshot.optimizer, snapshot.bestWeights ?? {}]);
    log.info(`resuming after epoch ${trainer.completedEpochs} of ${trainer.options.epochs}`);
  }

  const result = await trainer.fit();
  trainer.dispose();
  if (result.diverged || interruption.requested) {
    model.dispose();
    if (result.diverged) throw new RunHalted('diverged', divergenceMessage(result.diverged, config.lr));
    throw new RunHalted('interrupted', `interrupted during epoch ${trainer.completedEpochs + 1}`);
  }

  await saveCheckpoint(model, run.dir, { datasetConfig: dataset.config });
  await writeFigure(run, trainingCurvesFigure(result.history));
  const last = result.history[result.history.length - 1]!;
  summary.setMetrics({
    best_epoch: result.bestEpoch,
    epochs_trained: result.history.length,
    best_val_loss: result.bestValLoss,
    final_train_accuracy: last.trainAccuracy,
    final_val_accuracy: last.valAccuracy,
    // Summed over the epochs, so a resumed run counts the time of its earlier part too.
    train_seconds: result.history.reduce((total, record) => total + record.seconds, 0),
  });
  if (result.stoppedEarly) {
    log.info(`stopped early after epoch ${result.history.length} of ${config.epochs}: no better validation loss for ${config.early_stopping_patience} epochs`);
  }
  log.info(`training done: best epoch ${result.bestEpoch}, weights saved to ${run.path('model.json')}`);
  return { model, tracking };
}

/** Where and how training diverged, with what to try. */
function divergenceMessage({ epoch, batch, quantity, value }: Divergence, lr: number): string {
  const what = quantity === 'weights' ? `the weight ${value} holds NaN or infinite values` : `the ${quantity} is ${value}`;
  return `training diverged in epoch ${epoch}${batch === null ? '' : `, batch ${batch + 1}`}: ${what}; try a lower trainer.lr (it is ${lr}) or set trainer.grad_clip`;
}

/** Removes the resume snapshot, once the train stage is recorded done (until then a kill must find it). */
export function discardSnapshot(run: RunFolder): void {
  rmSync(run.path(RESUME_DIR), { recursive: true, force: true });
}

/** The snapshot to resume from, if training got through an epoch; refuses a run whose snapshot has gone. */
async function readSnapshot(run: RunFolder): Promise<TrainerSnapshot | undefined> {
  const manifest = join(run.path(RESUME_DIR), SNAPSHOT_MANIFEST_FILE);
  if (existsSync(manifest)) return loadSnapshot(run.path(RESUME_DIR));
  const recorded = run.has(METRICS_FILE) ? readFileSync(run.path(METRICS_FILE), 'utf8').split('\n').filter((line) => line.trim()).length : 0;
  if (recorded === 0) return undefined;
  throw new ConfigError(
    manifest,
    'missing',
    `the trainer snapshot of the epochs that metrics.jsonl records (${recorded} lines), without which the run cannot continue; ` +
      `start it afresh with: pg run --config ${run.path('run_config.json')}`,
  );
}
