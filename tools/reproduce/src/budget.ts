import { trainingSplits, type FlatConfig } from '@pg/cli';
import { optimizerSteps } from '@pg/trainer';

/** What a run trains on and for how long. */
export interface TrainingBudget {
  readonly trainGraphs: number;
  /** Graphs whose walks choose the best epoch (0 when it is chosen on held-out training walks). */
  readonly validationGraphs: number;
  readonly testGraphs: number;
  /** Walks the model trains on. */
  readonly trainWalks: number;
  readonly validationWalks: number;
  readonly epochs: number;
  readonly batch: number;
  /** Optimizer steps: one per batch of every epoch, or with `tbptt_steps` one per chunk of each batch. */
  readonly adamSteps: number;
  /** Walks passed forward and backward over the whole training: epochs × training walks. */
  readonly walkPasses: number;
}

/** The training budget a run config sets (the counts of the dataset and of the trainer, as they compute them). */
export function budgetOf(config: FlatConfig): TrainingBudget {
  const { trainGraphs, validationGraphs, testGraphs, trainWalks, validationWalks, trainTimesteps } = trainingSplits(config);
  const { epochs, trainer_batch_size: batch, tbptt_steps: chunk, curriculum_start_steps: startSteps, curriculum_epochs: curriculumEpochs } = config;
  const curriculum = startSteps !== null && curriculumEpochs !== null ? { startSteps, epochs: curriculumEpochs } : null;
  const schedule = { batchesPerEpoch: Math.ceil(trainWalks / batch), walkSteps: trainTimesteps - 1, tbpttSteps: chunk, curriculum };
  return {
    trainGraphs,
    validationGraphs,
    testGraphs,
    trainWalks,
    validationWalks,
    epochs,
    batch,
    adamSteps: optimizerSteps(epochs, schedule),
    walkPasses: epochs * trainWalks,
  };
}
