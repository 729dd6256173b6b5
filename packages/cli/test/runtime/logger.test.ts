import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger } from '../../src/runtime/logger.js';

describe('createLogger', () => {
  it('shows lines at or above its level and writes everything to the attached file', () => {
    const shown: string[] = [];
    const log = createLogger({ level: 'info', write: (line) => shown.push(line), now: () => new Date('2026-01-02T03:04:05Z') });
    log.debug('before the file');
    const file = join(mkdtempSync(join(tmpdir(), 'pg-log-')), 'run.log');
    log.attachFile(file);
    log.debug('details');
    log.info('training');
    log.warn('W&B is not installed');
    expect(shown).toEqual(['training', 'warn: W&B is not installed']);
    expect(readFileSync(file, 'utf8')).toBe(
      '2026-01-02T03:04:05.000Z DEBUG details\n2026-01-02T03:04:05.000Z INFO  training\n2026-01-02T03:04:05.000Z WARN  W&B is not installed\n',
    );
  });
});
