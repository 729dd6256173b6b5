import { ParameterError } from '@pg/graphs';
import { Command, CommanderError, Option } from 'commander';
import { CONFIG_KEYS } from './config/config-keys.js';
import { EXIT } from './exit-codes.js';
import { compareRuns } from './pipeline/compare-runs.js';
import { ConfigError } from './errors.js';
import { executeRun, type RunSource } from './pipeline/execute-run.js';
import type { StageName } from './pipeline/run-summary.js';
import { gridText } from './pipeline/grid-text.js';
import { commandLine } from './runtime/command-line.js';
import { createLogger, type Logger } from './runtime/logger.js';
import { addSweepCommands } from './sweep/sweep-command.js';

export { EXIT };

interface RunFlags {
  config?: string;
  resume?: string;
  run?: string;
  out: string;
  seed?: string;
  backend?: string;
  set: string[];
  name?: string;
  verbose?: boolean;
}

/**
 * The `pg` command line: parses `argv` (without `node` and the script),
 * runs the command, and returns the exit code. Bad input (a config typo, a
 * wrong type, impossible parameters, a corrupt checkpoint) prints one line
 * naming the field, the value and what is expected, and returns 2.
 *
 * @example
 * ```ts
 * process.exitCode = await main(['run', '--config', 'configs/quickstart.yaml']);
 * ```
 */
export async function main(argv: readonly string[], log: Logger = createLogger()): Promise<number> {
  let exitCode: number = EXIT.ok;
  const program = new Command('pg')
    .description('Experiments with plastic fast-weight networks on random graph worlds.')
    .exitOverride()
    .configureOutput({ writeErr: (text) => process.stderr.write(text) })
    .showHelpAfterError('(run `pg --help` or `pg <command> --help` for usage)');

  const experiment = (name: string, description: string, stages: readonly StageName[], source: 'config' | 'run' | 'either') => {
    const command = program.command(name).description(description);
    if (source !== 'run') command.option('-c, --config <file>', 'run config (YAML, in the seed project’s format)');
    if (source === 'either') command.option('--resume <dir>', 'continue an interrupted run folder');
    if (source === 'run') command.requiredOption('--run <dir>', 'an existing run folder');
    if (source !== 'run') {
      command
        .option('-o, --out <dir>', 'where run folders are created', 'run')
        .option('--seed <n>', 'override global.seed')
        .addOption(new Option('--backend <name>', 'tfjs backend').choices(CONFIG_KEYS.backend.schema.options))
        .option('--set <section.key=value>', 'override one config key (repeatable)', (value: string, all: string[]) => [...all, value], [])
        .option('--name <name>', 'run name (default: the config file name)');
    }
    command.option('-v, --verbose', 'show debug lines and stack traces').action(async (flags: RunFlags) => {
      if (flags.verbose) log.setLevel('debug');
      exitCode = await guarded(log, flags.verbose, async () => {
        const outcome = await executeRun(runSource(flags, source), stages, log, commandLine(argv, process.cwd()));
        if (outcome.halted?.status === 'interrupted') {
          log.warn(`interrupted; resume with: pg run --resume ${outcome.run.dir}`);
          return EXIT.interrupted;
        }
        if (outcome.halted) {
          log.error(`${outcome.halted.message} (run folder ${outcome.run.dir})`);
          return EXIT.diverged;
        }
        if (outcome.status !== 'complete') log.warn(`the run is ${outcome.status} (see ${outcome.run.path('summary.json')})`);
        process.stdout.write(outcome.report ? `Report: ${outcome.report}\n` : `Run folder: ${outcome.run.dir}\n`);
        return EXIT.ok;
      });
    });
  };

  experiment('run', 'train, evaluate and report an experiment', ['dataset', 'train', 'evaluate', 'report'], 'either');
  experiment('train', 'build the dataset and train the model (no evaluation)', ['dataset', 'train'], 'config');
  experiment('evaluate', 'evaluate the trained model of a run folder', ['evaluate'], 'run');
  experiment('report', 'write the report of a run folder from what it holds', ['report'], 'run');
  experiment('dataset', 'build and check a dataset, with its plots only', ['dataset', 'report'], 'config');
  program
    .command('compare')
    .description('compare several run folders: one table and overlaid curves')
    .argument('<dirs...>', 'run folders')
    .option('-o, --out <dir>', 'where the comparison folder is created', 'run')
    .option('-v, --verbose', 'show stack traces')
    .action(async (dirs: string[], flags: { out: string; verbose?: boolean }) => {
      exitCode = await guarded(log, flags.verbose, async () => {
        const { report, tables, settings } = await compareRuns(dirs, flags.out);
        if (settings) process.stdout.write(`${gridText(settings, { transpose: true })}\n\n`);
        process.stdout.write(`Report: ${report}\nTables: ${tables.join(', ')}\n`);
        return EXIT.ok;
      });
    });
  addSweepCommands(program, log, async (verbose, work) => {
    exitCode = await guarded(log, verbose, work);
  });
  program.addHelpText('after', `\nConfig keys (${Object.keys(CONFIG_KEYS).length}): see docs/guides/configuration.md, or any key's error message.`);

  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.ok : EXIT.badInput;
    throw error;
  }
  return exitCode;
}

function runSource(flags: RunFlags, source: 'config' | 'run' | 'either'): RunSource {
  if (source === 'run') return { kind: 'folder', dir: flags.run!, redo: true };
  if (flags.resume) {
    if (flags.config) throw new ConfigError('--resume', flags.resume, 'used without --config (a run folder keeps its own config)');
    return { kind: 'folder', dir: flags.resume, flag: '--resume' };
  }
  if (!flags.config) throw new ConfigError('--config', undefined, 'a run config file (e.g. --config configs/quickstart.yaml)');
  const overrides = [...flags.set];
  if (flags.seed !== undefined) overrides.push(`global.seed=${flags.seed}`);
  if (flags.backend !== undefined) overrides.push(`global.backend=${flags.backend}`);
  return { kind: 'config', path: flags.config, overrides, out: flags.out, name: flags.name };
}

/** Runs a command, turning errors into one line on stderr and an exit code. */
async function guarded(log: Logger, verbose: boolean | undefined, work: () => Promise<number>): Promise<number> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof ParameterError) {
      log.error(error.message);
      return EXIT.badInput;
    }
    log.error(verbose ? String((error as Error).stack) : `${(error as Error).message} (run with --verbose for details)`);
    return EXIT.failed;
  }
}
