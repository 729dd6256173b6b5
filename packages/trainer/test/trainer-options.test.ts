import { describe, expect, it } from '@jest/globals';
import { resolveTrainerOptions } from '../src/trainer-options.js';

describe('resolveTrainerOptions', () => {
  it("fills in the seed project's defaults", () => {
    expect(resolveTrainerOptions({})).toEqual({
      epochs: 50,
      batchSize: 32,
      learningRate: 0.0005,
      valSplit: 0.2,
      scheduler: 'cosine',
      gradClip: null,
      warmupSteps: null,
      tbpttSteps: null,
      curriculumStartSteps: null,
      curriculumEpochs: null,
      earlyStoppingPatience: null,
      seed: 0,
    });
  });

  it('names a bad option, its value and what is expected', () => {
    expect(() => resolveTrainerOptions({ epochs: 0 })).toThrow('epochs must be an integer ≥ 1 (got 0)');
    expect(() => resolveTrainerOptions({ batchSize: 2.5 })).toThrow('batchSize must be an integer ≥ 1 (got 2.5)');
    expect(() => resolveTrainerOptions({ learningRate: -1 })).toThrow('learningRate must be a number > 0 (got -1)');
    expect(() => resolveTrainerOptions({ valSplit: 1 })).toThrow('valSplit must be a number in [0, 1) (got 1)');
    expect(() => resolveTrainerOptions({ scheduler: 'step' as 'none' })).toThrow('scheduler must be one of "none", "cosine" (got "step")');
    expect(() => resolveTrainerOptions({ gradClip: 0 })).toThrow('gradClip must be a number > 0, or null (got 0)');
    expect(() => resolveTrainerOptions({ seed: 0.5 })).toThrow('seed must be an integer (got 0.5)');
    expect(() => resolveTrainerOptions({ warmupSteps: 0 })).toThrow('warmupSteps must be an integer ≥ 1, or null (got 0)');
    expect(() => resolveTrainerOptions({ tbpttSteps: 0 })).toThrow('tbpttSteps must be an integer ≥ 1, or null (got 0)');
    expect(() => resolveTrainerOptions({ curriculumStartSteps: 10 })).toThrow('curriculumEpochs must be set too: a curriculum needs both curriculumStartSteps and curriculumEpochs (got null)');
    expect(() => resolveTrainerOptions({ curriculumStartSteps: 10, curriculumEpochs: 1.5 })).toThrow('curriculumEpochs must be an integer ≥ 1, or null (got 1.5)');
  });

  it('holds out no training walk when validation walks of held-out graphs are given', () => {
    const validation = {} as never;
    expect(resolveTrainerOptions({ validation }).valSplit).toBe(0);
    expect(resolveTrainerOptions({ validation, valSplit: 0 }).valSplit).toBe(0);
    expect(() => resolveTrainerOptions({ validation, valSplit: 0.1 })).toThrow('valSplit must be 0 or left out when validation walks of held-out graphs are given (got 0.1)');
  });
});
