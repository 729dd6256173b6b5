import { trainingSplits, type FlatConfig } from '@pg/cli';

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
  /** Optimizer steps: one per batch of every epoch. */
  readonly adamSteps: number;
  /** Walks passed forward and backward over the whole training: epochs × training walks. */
  readonly walkPasses: number;
}

/** The training budget a run config sets (the counts of the dataset and of the trainer, as they compute them). */
export function budgetOf(config: FlatConfig): TrainingBudget {
  const { trainGraphs, validationGraphs, testGraphs, trainWalks, validationWalks } = trainingSplits(config);
  const { epochs, trainer_batch_size: batch } = config;
  return {
    trainGraphs,
    validationGraphs,
    testGraphs,
    trainWalks,
    validationWalks,
    epochs,
    batch,
    adamSteps: epochs * Math.ceil(trainWalks / batch),
    walkPasses: epochs * trainWalks,
  };
}
