import { describe, expect, it } from '@jest/globals';
import { fileURLToPath } from 'node:url';
import { experimentDifference } from '../../src/config/experiment-difference.js';
import { parseRunConfigFile } from '../../src/pipeline/execute-run.js';

const tiny = fileURLToPath(new URL('../fixtures/tiny.yaml', import.meta.url));

describe('experimentDifference', () => {
  const config = parseRunConfigFile(tiny, []);

  it('finds none between configs that differ only in keys that do not change results', () => {
    expect(experimentDifference(config, config)).toBeUndefined();
    const neutral = parseRunConfigFile(tiny, ['global.run_name=other', 'global.threads=2', 'logging.wandb_enabled=false']);
    expect(neutral).not.toEqual(config);
    expect(experimentDifference(neutral, config)).toBeUndefined();
  });

  it('names the first key, in the expected config’s order, whose value differs, with both values', () => {
    const stored = parseRunConfigFile(tiny, ['trainer.epochs=7', 'network.hidden_dim=12']);
    expect(experimentDifference(stored, config)).toEqual({ key: 'hidden_dim', stored: 12, expected: config.hidden_dim });
    expect(experimentDifference(parseRunConfigFile(tiny, ['trainer.epochs=7']), config)).toEqual({ key: 'epochs', stored: 7, expected: config.epochs });
  });
});
