import type { GraphDataset } from '@pg/datasets';
import { createGraphNetwork, loadCheckpoint, saveCheckpoint, type GraphNetwork } from '@pg/models';
import { trainingCurvesFigure } from '@pg/report';
import { consoleProgress, jsonlMetrics, loadSnapshot, saveSnapshot, Trainer, type TrainerCallbacks } from '@pg/trainer';
import { dispose } from '@tensorflow/tfjs-core';
import { existsSync, rmSync } from 'node:fs';
import { networkConfig, trainerOptions } from '../config/to-options.js';
import { startTracking, type ExperimentTracking } from './experiment-tracking.js';
import { writeFigure } from './figure-files.js';
import type { RunContext } from './run-context.js';
import { RunInterrupted } from './run-summary.js';

/** Where an unfinished run keeps its latest epoch: model weights and the trainer's snapshot. */
const RESUME_DIR = 'resume';

/** What the train stage hands on. */
export interface TrainedModel {
  readonly model: GraphNetwork;
  readonly tracking: ExperimentTracking | undefined;
}

/**
 * Trains the network, saving the latest epoch under `resume/` after every
 * epoch (so Ctrl-C or a crash leaves a resumable run), and at the end the
 * best weights as the run's checkpoint (`model.json`, `weights.bin`) and
 * the training curves. Resumes from `resume/` when it exists.
 */
export async function trainStage(context: RunContext, dataset: GraphDataset): Promise<TrainedModel> {
  const { config, run, log, summary, interruption } = context;
  const resuming = existsSync(run.path(RESUME_DIR));
  const model = resuming ? (await loadCheckpoint(run.path(RESUME_DIR))).model : createGraphNetwork(config.network_type, networkConfig(config) as never);
  const counts = model.countParameters();
  summary.setMetrics({ parameters_slow: counts.slow, parameters_fast: counts.fast });
  log.info(`model: ${model.getClassName()}, ${counts.slow.toLocaleString('en-US')} trained parameters, ${counts.fast.toLocaleString('en-US')} fast values per sequence`);

  const tracking = await startTracking(config, run.id, log);
  const checkpointEveryEpoch: TrainerCallbacks = {
    async onEpochEnd(record, trainer) {
      log.debug(`epoch ${JSON.stringify(record)}`);
      await saveCheckpoint(model, run.path(RESUME_DIR), { datasetConfig: dataset.config });
      const snapshot = await trainer.snapshot();
      await saveSnapshot(snapshot, run.path(RESUME_DIR));
      dispose([...snapshot.optimizer, ...Object.values(snapshot.bestWeights ?? {})]);
    },
    onBatchEnd(_, trainer) {
      if (interruption.requested) trainer.stop();
    },
  };
  const trainer = new Trainer(model, dataset.train, {
    ...trainerOptions(config),
    callbacks: [consoleProgress(), jsonlMetrics(run.path('metrics.jsonl')), checkpointEveryEpoch, ...(tracking ? [tracking.callbacks] : [])],
  });
  run.writeJson('trainer_config.json', { ...trainer.options, trainWalks: trainer.partition.train.length, validationWalks: trainer.partition.validation.length });
  if (resuming) {
    const snapshot = await loadSnapshot(run.path(RESUME_DIR));
    await trainer.restore(snapshot);
    dispose([...snapshot.optimizer, ...Object.values(snapshot.bestWeights ?? {})]);
    log.info(`resuming after epoch ${trainer.completedEpochs} of ${trainer.options.epochs}`);
  }

  const result = await trainer.fit();
  trainer.dispose();
  if (interruption.requested) throw new RunInterrupted(`interrupted during epoch ${trainer.completedEpochs + 1}`);

  await saveCheckpoint(model, run.dir, { datasetConfig: dataset.config });
  await writeFigure(run, trainingCurvesFigure(result.history));
  rmSync(run.path(RESUME_DIR), { recursive: true, force: true });
  const last = result.history[result.history.length - 1]!;
  summary.setMetrics({
    best_epoch: result.bestEpoch,
    best_val_loss: result.bestValLoss,
    final_train_accuracy: last.trainAccuracy,
    final_val_accuracy: last.valAccuracy,
    // Summed over the epochs, so a resumed run counts the time of its earlier part too.
    train_seconds: result.history.reduce((total, record) => total + record.seconds, 0),
  });
  log.info(`training done: best epoch ${result.bestEpoch}, weights saved to ${run.path('model.json')}`);
  return { model, tracking };
}
