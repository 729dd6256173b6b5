import { parseRunConfig } from '@pg/cli';
import { describe, expect, it } from '@jest/globals';
import { budgetOf } from '../src/budget.js';

describe('budgetOf', () => {
  const base = 'dataset:\n  num_graphs: 100\n  num_samples_per_graph: 4\n  num_timesteps: 41\ntrainer:\n  epochs: 3\n  trainer_batch_size: 8\n  val_split: 0.25\n  validation: train_walks\n';

  it('counts one Adam step per batch of every epoch', () => {
    const budget = budgetOf(parseRunConfig(base, { name: 'budget.yaml' }));
    // 80 training graphs × 4 walks, a quarter held out: 240 walks, 30 batches.
    expect(budget.trainWalks).toBe(240);
    expect(budget.adamSteps).toBe(3 * 30);
    expect(budget.walkPasses).toBe(3 * 240);
  });

  it('counts one Adam step per chunk of the training walks with tbptt_steps', () => {
    // Training walks of 401 nodes, 400 steps: 10 chunks of 40.
    const budget = budgetOf(parseRunConfig(base, { name: 'budget.yaml' }, ['dataset.train_num_timesteps=401', 'trainer.tbptt_steps=40']));
    expect(budget.adamSteps).toBe(3 * 30 * 10);
  });
});
