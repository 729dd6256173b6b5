import { splitGraphCounts } from '@pg/datasets';

/** What a run trains on and for how long. */
export interface TrainingBudget {
  readonly trainGraphs: number;
  readonly testGraphs: number;
  /** Walks the model trains on (those held out for validation excluded). */
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
export function budgetOf(config: Readonly<Record<string, unknown>>): TrainingBudget {
  const num = (key: string) => Number(config[key]);
  const graphs = splitGraphCounts({
    numGraphs: num('num_graphs'),
    numGraphsCounts: config.num_graphs_counts === 'train' ? 'train' : 'all',
    testFraction: num('test_fraction'),
  });
  const walks = graphs.train * num('num_samples_per_graph');
  const validationWalks = Math.floor(walks * num('val_split'));
  const trainWalks = walks - validationWalks;
  const epochs = num('epochs');
  const batch = num('trainer_batch_size');
  return {
    trainGraphs: graphs.train,
    testGraphs: graphs.test,
    trainWalks,
    validationWalks,
    epochs,
    batch,
    adamSteps: epochs * Math.ceil(trainWalks / batch),
    walkPasses: epochs * trainWalks,
  };
}
