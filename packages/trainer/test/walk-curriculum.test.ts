import { describe, expect, it } from '@jest/globals';
import { curriculumSteps } from '../src/walk-curriculum.js';

describe('curriculumSteps', () => {
  it('grows linearly from the start length to the whole walk over the curriculum epochs, then stays whole', () => {
    const curriculum = { startSteps: 99, epochs: 10 };
    expect([0, 1, 5, 9, 10, 30].map((epoch) => curriculumSteps(epoch, 1999, curriculum))).toEqual([99, 289, 1049, 1809, 1999, 1999]);
  });

  it('trains whole walks without a curriculum, and never more than the walk', () => {
    expect(curriculumSteps(0, 39, null)).toBe(39);
    expect(curriculumSteps(0, 39, { startSteps: 100, epochs: 4 })).toBe(39);
  });
});
