import { describe, expect, it } from '@jest/globals';
import { commandLine } from '../../src/runtime/command-line.js';

describe('commandLine', () => {
  it('records paths inside the working directory relative to it', () => {
    expect(commandLine(['run', '--config', '/work/main/configs/reproduce/a.yaml', '--out', '/work/main/run/reproduce', '--name', 'a'], '/work/main')).toBe(
      'pg run --config configs/reproduce/a.yaml --out run/reproduce --name a',
    );
    expect(commandLine(['run', '--out=/work/main/run', '--resume', '/work/main'], '/work/main')).toBe('pg run --out=run --resume .');
  });

  it('leaves relative paths, other words and paths outside the working directory as they are', () => {
    expect(commandLine(['run', '--config', 'configs/q.yaml', '--set', 'trainer.lr=0.5', '--out', '/tmp/runs'], '/work/main')).toBe(
      'pg run --config configs/q.yaml --set trainer.lr=0.5 --out /tmp/runs',
    );
    expect(commandLine(['run', '--config', '/work/mainline/a.yaml'], '/work/main')).toBe('pg run --config /work/mainline/a.yaml');
  });
});
