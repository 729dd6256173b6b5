import { describe, expect, it } from '@jest/globals';
import { slurmScript, type SlurmOptions } from '../../src/sweep/slurm-script.js';
import type { SweepPlan } from '../../src/sweep/sweep-plan.js';

const plan = { file: '/lab/sweeps/study.sweep.yaml', name: 'study', out: '/lab/run/study', runs: Array.from({ length: 6 }) } as unknown as SweepPlan;
const options: SlurmOptions = { cpus: 2, mem: '4G', time: '2:00:00', extra: [], pg: 'node /lab/pg/bin.js', workdir: "/lab/it's here" };

describe('slurmScript', () => {
  it('writes a job array of one task per run, each running its index of the sweep into the shared folder', () => {
    const script = slurmScript(plan, { ...options, partition: 'cpu', maxParallel: 3, extra: ['--account=lab'] });
    expect(script.split('\n')).toEqual(
      expect.arrayContaining([
        '#!/bin/bash',
        '#SBATCH --job-name=pg-study',
        '#SBATCH --array=0-5%3',
        '#SBATCH --cpus-per-task=2',
        '#SBATCH --mem=4G',
        '#SBATCH --time=2:00:00',
        '#SBATCH --output=/lab/run/study/slurm/%A_%a.out',
        '#SBATCH --signal=B:INT@120',
        '#SBATCH --partition=cpu',
        '#SBATCH --account=lab',
        "cd '/lab/it'\\''s here'",
        "exec node /lab/pg/bin.js sweep run '/lab/sweeps/study.sweep.yaml' --out '/lab/run/study'",
      ]),
    );
    expect(slurmScript(plan, options)).toContain('#SBATCH --array=0-5\n');
  });

  it('refuses resources Slurm would not take', () => {
    expect(() => slurmScript(plan, { ...options, time: '2h' })).toThrow('--time must be a Slurm time limit, e.g. 2:00:00 or 1-00:00:00 (days-hours:minutes:seconds) (got "2h")');
    expect(() => slurmScript(plan, { ...options, mem: '4 GB' })).toThrow('--mem must be a size as Slurm writes it, e.g. 4G or 4000M (got "4 GB")');
    expect(() => slurmScript(plan, { ...options, extra: ['account=lab'] })).toThrow('--sbatch must be an sbatch option on one line, e.g. --account=lab (got "account=lab")');
  });
});
