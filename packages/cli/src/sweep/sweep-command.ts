import type { Command } from 'commander';
import { availableParallelism } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { mkdirSync, writeFileSync } from 'node:fs';
import { ConfigError } from '../errors.js';
import { EXIT } from '../exit-codes.js';
import { gridText } from '../pipeline/grid-text.js';
import { commandLine } from '../runtime/command-line.js';
import type { Logger } from '../runtime/logger.js';
import { pgBin, runSweepLocally } from './run-sweep-locally.js';
import { runSweepTask } from './run-sweep-task.js';
import { taskIndex } from './task-index.js';
import { slurmScript } from './slurm-script.js';
import { readSweepPlan, type SweepPlan } from './sweep-plan.js';
import { writeSweepReport } from './sweep-report.js';
import { sweepRunState, type SweepRunState } from './sweep-run-state.js';

/** Runs a command's work, turning errors into one line and an exit code (the `pg` command's own guard). */
type Guard = (verbose: boolean | undefined, work: () => Promise<number>) => Promise<void>;

/** A training process may use two cores (the WebAssembly kernels run on two threads), so a machine fits half as many runs as it has cores. */
const CORES_PER_RUN = 2;

/**
 * Adds `pg sweep` and its subcommands: `pg sweep FILE` (every run on this
 * machine, `--jobs` at a time), `list`, `run` (one run by index: a cluster
 * task), `slurm` (an sbatch array script) and `report`.
 */
export function addSweepCommands(program: Command, log: Logger, guard: Guard): void {
  const sweep = program.command('sweep').description('many runs from one sweep file: settings × seeds, here or on a cluster');
  const outOption = '-o, --out <dir>';
  const outHelp = 'the shared output folder (default: the file’s out, else run/<sweep name>)';

  sweep
    .command('start <file>', { isDefault: true })
    .description('run every run of the sweep on this machine, skipping complete runs and resuming stopped ones (the default: pg sweep FILE)')
    .option('-j, --jobs <n>', `runs at a time (default: cores / ${CORES_PER_RUN}, at least 1)`)
    .option(outOption, outHelp)
    .option('--only <experiment>', 'only the runs of this experiment (repeatable)', (value: string, all: string[]) => [...all, value], [])
    .option('--skip <run>', 'leave out this run, by name, e.g. one whose results are kept elsewhere (repeatable)', (value: string, all: string[]) => [...all, value], [])
    .option('-v, --verbose', 'show stack traces')
    .action((file: string, flags: { jobs?: string; out?: string; only: string[]; skip: string[]; verbose?: boolean }) =>
      guard(flags.verbose, async () => {
        const jobs = flags.jobs === undefined ? Math.max(1, Math.floor(availableParallelism() / CORES_PER_RUN)) : positiveInteger('--jobs', flags.jobs);
        const plan = readSweepPlan(file, flags.out);
        const experiments = [...new Set(plan.runs.map(({ experiment }) => experiment))];
        const unknown = flags.only.find((name) => !experiments.includes(name));
        if (unknown !== undefined) throw new ConfigError('--only', unknown, `an experiment of ${file} (${experiments.join(', ')})`);
        const unknownRun = flags.skip.find((name) => !plan.runs.some((run) => run.name === name));
        if (unknownRun !== undefined) throw new ConfigError('--skip', unknownRun, `the name of a run of ${file} (pg sweep list ${file} names them)`);
        const selected = plan.runs.filter(({ experiment, name }) => (flags.only.length === 0 || flags.only.includes(experiment)) && !flags.skip.includes(name));
        const before = states(plan, selected);
        log.info(`sweep ${plan.name}: ${selected.length} runs into ${plan.out}: ${describeStates(before)}; ${jobs} at a time${flags.skip.length > 0 ? `; ${flags.skip.length} left out (--skip)` : ''}`);
        // A run that another live process holds (another sweep, a cluster task) is left to it.
        const todo = selected.filter((run) => before.get(run.index) === 'new' || before.get(run.index) === 'resumable').map(({ index }) => index);
        const { exitCodes, interrupted } = await runSweepLocally(plan, todo, jobs, log);
        const after = states(plan, selected);
        const failed = [...exitCodes].filter(([, code]) => code !== EXIT.ok && code !== EXIT.interrupted).map(([index]) => index);
        const report = interrupted ? undefined : await writeSweepReport(plan);
        if (report?.settings) process.stdout.write(`${gridText(report.settings, { transpose: true })}\n\n`);
        process.stdout.write(`Sweep ${plan.name}: ${describeStates(after)} (of ${selected.length} runs)\n`);
        for (const index of failed) process.stdout.write(`failed: ${plan.runs[index]!.name} (see ${join(plan.runs[index]!.dir, 'run.log')})\n`);
        if (report) process.stdout.write(`Report: ${report.report}\n`);
        if (interrupted) {
          log.warn(`interrupted; continue with: pg sweep ${file}${flags.out ? ` --out ${flags.out}` : ''}`);
          return EXIT.interrupted;
        }
        return failed.length > 0 ? EXIT.failed : EXIT.ok;
      }),
    );

  sweep
    .command('list <file>')
    .description('print the runs of the sweep: index, state and name (the name is also the run folder)')
    .option(outOption, outHelp)
    .action((file: string, flags: { out?: string }) =>
      guard(false, async () => {
        const plan = readSweepPlan(file, flags.out);
        const state = states(plan, plan.runs);
        const width = String(plan.runs.length - 1).length;
        const lines = plan.runs.map((run) => `${String(run.index).padStart(width)}  ${state.get(run.index)!.padEnd(9)}  ${run.name}\n`);
        // One write: a reader that stops early (| head) then meets no broken pipe.
        process.stdout.write(`# sweep ${plan.name}: ${plan.runs.length} runs into ${plan.out}: ${describeStates(state)}\n${lines.join('')}`);
        return EXIT.ok;
      }),
    );

  sweep
    .command('run <file>')
    .description('do one run of the sweep, by index: what each task of a cluster job array runs')
    .option('-i, --index <i>', 'the run’s index (default: SLURM_ARRAY_TASK_ID, else JOB_COMPLETION_INDEX)')
    .option(outOption, outHelp)
    .option('-v, --verbose', 'show debug lines and stack traces')
    .action((file: string, flags: { index?: string; out?: string; verbose?: boolean }) =>
      guard(flags.verbose, async () => {
        if (flags.verbose) log.setLevel('debug');
        const plan = readSweepPlan(file, flags.out);
        const index = taskIndex(flags.index, plan.runs.length);
        const outcome = await runSweepTask(plan, index, log, commandLine(['sweep', 'run', file, '--index', String(index), '--out', plan.out], process.cwd()));
        if (outcome !== 'skipped' && outcome.halted?.status === 'interrupted') {
          log.warn(`interrupted; run the same task again to continue`);
          return EXIT.interrupted;
        }
        if (outcome !== 'skipped' && outcome.halted) {
          log.error(outcome.halted.message);
          return EXIT.diverged;
        }
        process.stdout.write(`Run folder: ${plan.runs[index]!.dir}\n`);
        return EXIT.ok;
      }),
    );

  sweep
    .command('slurm <file>')
    .description('write an sbatch script that runs the sweep as a Slurm job array, one task per run')
    .option(outOption, outHelp)
    .option('--script <path>', 'where to write the script (default: <out>/<sweep name>.sbatch)')
    .option('--cpus <n>', 'CPU cores per task', String(CORES_PER_RUN))
    .option('--mem <size>', 'memory per task', '4G')
    .option('--time <limit>', 'time limit per task (Slurm format, e.g. 2:00:00)', '2:00:00')
    .option('--partition <name>', 'the Slurm partition')
    .option('--max-parallel <n>', 'at most this many tasks at once')
    .option('--sbatch <option>', 'another #SBATCH option, verbatim, e.g. --account=lab (repeatable)', (value: string, all: string[]) => [...all, value], [])
    .option('--pg <command>', 'how the compute nodes run pg (default: this node and this package’s bin, by absolute path)')
    .action(
      (
        file: string,
        flags: { out?: string; script?: string; cpus: string; mem: string; time: string; partition?: string; maxParallel?: string; sbatch: string[]; pg?: string },
      ) =>
        guard(false, async () => {
          const plan = readSweepPlan(file, flags.out);
          const script = slurmScript(
            { ...plan, file: resolve(plan.file) },
            {
              cpus: positiveInteger('--cpus', flags.cpus),
              mem: flags.mem,
              time: flags.time,
              partition: flags.partition,
              maxParallel: flags.maxParallel === undefined ? undefined : positiveInteger('--max-parallel', flags.maxParallel),
              extra: flags.sbatch,
              pg: flags.pg ?? `'${process.execPath}' '${pgBin()}'`,
              workdir: process.cwd(),
            },
          );
          const path = resolve(flags.script ?? join(plan.out, `${plan.name}.sbatch`));
          // Slurm does not create the folder of a task's --output file, and fails the task without it.
          mkdirSync(join(plan.out, 'slurm'), { recursive: true });
          mkdirSync(dirname(path), { recursive: true });
          writeFileSync(path, script, { mode: 0o755 });
          process.stdout.write(`Slurm script: ${path} (${plan.runs.length} tasks)\nSubmit with: sbatch ${path}\nThen: pg sweep report ${file}${flags.out ? ` --out ${flags.out}` : ''}\n`);
          return EXIT.ok;
        }),
    );

  sweep
    .command('report <file>')
    .description('write the report of the sweep’s complete runs into <out>/report/: settings over seeds with mean, spread and 95% interval')
    .option(outOption, outHelp)
    .action((file: string, flags: { out?: string }) =>
      guard(false, async () => {
        const plan = readSweepPlan(file, flags.out);
        const report = await writeSweepReport(plan);
        if (!report) throw new ConfigError(file, `${plan.runs.filter((run) => sweepRunState(plan, run) === 'complete').length} complete runs`, `a sweep with at least 2 complete runs in ${plan.out}`);
        if (report.settings) process.stdout.write(`${gridText(report.settings, { transpose: true })}\n\n`);
        process.stdout.write(`Report: ${report.report}\n`);
        return EXIT.ok;
      }),
    );
}

function states(plan: SweepPlan, runs: SweepPlan['runs']): Map<number, SweepRunState> {
  return new Map(runs.map((run) => [run.index, sweepRunState(plan, run)]));
}

function describeStates(states: ReadonlyMap<number, SweepRunState>): string {
  const count = (state: SweepRunState) => [...states.values()].filter((value) => value === state).length;
  const running = count('running');
  return `${count('complete')} complete, ${running > 0 ? `${running} running in another process, ` : ''}${count('resumable')} to resume, ${count('new')} new`;
}

function positiveInteger(flag: string, text: string): number {
  if (!/^\d+$/.test(text) || Number(text) < 1) throw new ConfigError(flag, text, 'an integer ≥ 1');
  return Number(text);
}
