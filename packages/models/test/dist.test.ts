import { describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

// The gradient registration only works bundled, so it is checked where users meet it:
// the built package in plain Node (turbo builds before it tests).
describe('the built package', () => {
  it.each(['esm', 'cjs'])('registers gradients into the one shared tfjs-core engine (%s)', (format) => {
    expect(existsSync('dist/register-gradients.js') ? 'built' : 'run `pnpm build` first').toBe('built');
    const output = execFileSync(process.execPath, ['scripts/check-dist.mjs', ...(format === 'cjs' ? ['--cjs'] : [])], {
      env: { ...process.env, NODE_OPTIONS: '' },
      encoding: 'utf8',
    });
    expect(output).toContain(`check-dist: ${format} ok`);
  });
});
