import { ConfigError } from '@pg/cli';

/** What `pnpm reproduce` is asked to do. */
export interface ReproduceArguments {
  /** The rows (all their seeds) and single runs (`<row>-seed=<n>`) named, in the order given; empty for every row. */
  readonly names: readonly string[];
  /** `--jobs`' value, passed to `pg sweep` (its default when absent). */
  readonly jobs: string | undefined;
  /** `--page`: only regenerate the page. */
  readonly pageOnly: boolean;
  /** `--save-progress`: only save the unfinished runs' progress (and write the page). */
  readonly saveOnly: boolean;
}

const OPTIONS = ['--jobs', '--page', '--save-progress'];

/**
 * Reads `pnpm reproduce [name ...] [--jobs N] [--page | --save-progress]`:
 * `--jobs` takes the argument after it, every other argument not starting
 * with `--` names a row of `rows` or one of their runs, `runs`. Throws a
 * ConfigError naming the argument for an unknown option, row or run, a
 * `--jobs` without an integer ≥ 1, and `--page` with `--save-progress`.
 */
export function parseArguments(args: readonly string[], rows: readonly string[], runs: readonly string[]): ReproduceArguments {
  const jobsAt = args.indexOf('--jobs');
  const jobs = jobsAt >= 0 ? args[jobsAt + 1] : undefined;
  const isJobsValue = (i: number) => jobsAt >= 0 && i === jobsAt + 1;
  const unknownOption = args.find((arg, i) => arg.startsWith('--') && !OPTIONS.includes(arg) && !isJobsValue(i));
  if (unknownOption !== undefined) throw new ConfigError('option', unknownOption, 'one of --jobs N, --page, --save-progress');
  if (jobsAt >= 0 && !/^[1-9]\d*$/.test(jobs ?? '')) throw new ConfigError('--jobs', jobs, 'an integer ≥ 1');
  const pageOnly = args.includes('--page');
  const saveOnly = args.includes('--save-progress');
  if (pageOnly && saveOnly) throw new ConfigError('--page', '--save-progress', 'given alone (--save-progress writes the page too)');
  const names = args.filter((arg, i) => !arg.startsWith('--') && !isJobsValue(i));
  const unknown = names.find((name) => !rows.includes(name) && !runs.includes(name));
  if (unknown !== undefined) throw new ConfigError('run', unknown, `a row of the catalogue (${rows.join(', ')}) or one of its runs, <row>-seed=<n>`);
  return { names, jobs, pageOnly, saveOnly };
}
