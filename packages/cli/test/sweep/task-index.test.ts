import { describe, expect, it } from '@jest/globals';
import { taskIndex } from '../../src/sweep/task-index.js';

describe('taskIndex', () => {
  it('takes --index first, then Slurm’s array task id, then Kubernetes’ completion index', () => {
    expect(taskIndex('2', 4, { SLURM_ARRAY_TASK_ID: '3' })).toBe(2);
    expect(taskIndex(undefined, 4, { SLURM_ARRAY_TASK_ID: '3', JOB_COMPLETION_INDEX: '1' })).toBe(3);
    expect(taskIndex(undefined, 4, { JOB_COMPLETION_INDEX: '1' })).toBe(1);
    expect(taskIndex(undefined, 4, { SLURM_ARRAY_TASK_ID: '', JOB_COMPLETION_INDEX: '0' })).toBe(0);
  });

  it('names the source of a bad or missing index', () => {
    expect(() => taskIndex('4', 4, {})).toThrow('--index must be an integer from 0 to 3 (the sweep has 4 runs) (got "4")');
    expect(() => taskIndex(undefined, 4, { SLURM_ARRAY_TASK_ID: '-1' })).toThrow('SLURM_ARRAY_TASK_ID must be an integer from 0 to 3 (the sweep has 4 runs) (got "-1")');
    expect(() => taskIndex('x', 4, {})).toThrow('--index must be an integer from 0 to 3');
    expect(() => taskIndex(undefined, 4, {})).toThrow('--index must be a run index (or SLURM_ARRAY_TASK_ID or JOB_COMPLETION_INDEX set by the scheduler) (got undefined)');
  });
});
