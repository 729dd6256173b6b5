import { describe, expect, it } from '@jest/globals';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseRunConfigFile } from '../../src/pipeline/execute-run.js';

const configsDir = fileURLToPath(new URL('../../../../configs/', import.meta.url));
const shipped = readdirSync(configsDir, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.yaml'));

describe('the configs shipped in configs/', () => {
  it('are all valid', () => {
    expect(shipped.length).toBeGreaterThan(10);
    for (const file of shipped) expect(() => parseRunConfigFile(`${configsDir}${file}`, [])).not.toThrow();
  });
});
