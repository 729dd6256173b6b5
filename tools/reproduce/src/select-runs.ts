import type { SweepRun } from '@pg/cli';

/** The runs `pnpm reproduce` is asked for, and how `pg sweep` is told so. */
export interface RunSelection {
  /** The runs named, or every run when no name is given. */
  readonly selected: readonly SweepRun[];
  /** `pg sweep --only`: the rows of the selected runs (empty for every row). */
  readonly only: readonly string[];
  /** `pg sweep --skip`: the runs of those rows that were not named (the other seeds of a run named alone). */
  readonly unnamed: readonly string[];
}

/** Selects the runs of `runs` that `names` name, each a row (all its seeds) or a single run (`<row>-seed=<n>`). */
export function selectRuns(runs: readonly SweepRun[], names: readonly string[]): RunSelection {
  if (names.length === 0) return { selected: runs, only: [], unnamed: [] };
  const isNamed = ({ experiment, name }: SweepRun) => names.includes(experiment) || names.includes(name);
  const selected = runs.filter(isNamed);
  const only = [...new Set(selected.map(({ experiment }) => experiment))];
  const unnamed = runs.filter((run) => only.includes(run.experiment) && !isNamed(run)).map(({ name }) => name);
  return { selected, only, unnamed };
}
