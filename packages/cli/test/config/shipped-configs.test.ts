import { describe, expect, it } from '@jest/globals';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseRunConfigFile } from '../../src/pipeline/execute-run.js';
import { readSweepPlan } from '../../src/sweep/sweep-plan.js';

const configsDir = fileURLToPath(new URL('../../../../configs/', import.meta.url));
const shipped = readdirSync(configsDir, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.yaml'));
const isSweep = (file: string) => file.endsWith('.sweep.yaml');

describe('the configs shipped in configs/', () => {
  it('are all valid run configs', () => {
    expect(shipped.filter((file) => !isSweep(file)).length).toBeGreaterThan(10);
    for (const file of shipped.filter((name) => !isSweep(name))) expect(() => parseRunConfigFile(`${configsDir}${file}`, [])).not.toThrow();
  });

  it('and sweep files (*.sweep.yaml) whose every run is valid', () => {
    expect(shipped.filter(isSweep).length).toBeGreaterThan(0);
    for (const file of shipped.filter(isSweep)) expect(readSweepPlan(`${configsDir}${file}`).runs.length).toBeGreaterThan(0);
  });
});
