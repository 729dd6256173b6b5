import { formatValue } from '@pg/report';
import { RUNS } from './catalogue.js';
import type { CollectedRun } from './collect-runs.js';
import { cell } from './format.js';
import { matchingOracle } from './matching-oracle.js';

/** One target of the reproduction: met, missed, or not measurable yet (`null`). */
export interface TargetCheck {
  readonly met: boolean | null;
  readonly text: string;
}

/** Seeds a row needs before its mean over seeds can meet a target. */
const SEEDS_FOR_A_TARGET = 3;

/** The fraction of its matching oracle's level before a switch below which a model counts as never recovering from it. */
const RECOVERY_LEVEL = 0.9;

const pct = (value: number | null | undefined) => formatValue(value ?? null, 'percent');

/** Checks the reproduction's targets against the collected runs, by run name. */
export function checkTargets(runs: ReadonlyMap<string, CollectedRun>): TargetCheck[] {
  const metric = (name: string, key: string) => runs.get(name)?.metrics[key] ?? null;
  const checks: TargetCheck[] = [];

  const plasticDisjoint = metric('plastic_disjoint_8', 'test_accuracy');
  checks.push({
    met: plasticDisjoint === null ? null : plasticDisjoint >= 0.86,
    text: `plastic on the disjoint set reaches at least the original's 86.0% test accuracy: ${pct(plasticDisjoint)}`,
  });
  const rnnDisjoint = metric('rnn_disjoint_8', 'test_accuracy');
  checks.push({
    met: rnnDisjoint === null || plasticDisjoint === null ? null : rnnDisjoint < plasticDisjoint - 0.3,
    text: `the RNN collapses on the disjoint set, far below the plastic network: ${pct(rnnDisjoint)} vs ${pct(plasticDisjoint)}`,
  });
  for (const [name, original] of [['plastic_standard_8', 0.87], ['rnn_standard_8', 0.865]] as const) {
    const value = metric(name, 'test_accuracy');
    checks.push({
      met: value === null ? null : value >= original - 0.02,
      text: `${name.replace(/_/g, ' ')} is fine, within 2 points of the original's ${pct(original)} or above: ${pct(value)}`,
    });
  }
  // The original's budget, over three seeds: the mean must reach the original's number, and the directed oracle that matches the forward write.
  for (const [name, original, setting] of [
    ['plastic_disjoint_8_original_budget', 0.86, 'disjoint'],
    ['plastic_standard_8_original_budget', 0.87, 'standard'],
  ] as const) {
    const run = runs.get(name);
    const seeds = run?.seeds.length ?? 0;
    const accuracy = run?.metrics.test_accuracy ?? null;
    const ratio = run?.metrics.test_ratio_directed ?? null;
    checks.push({
      met: seeds < SEEDS_FOR_A_TARGET || accuracy === null || ratio === null ? null : accuracy >= original && ratio >= 0.99,
      text:
        `at the original's full budget, plastic on the ${setting} set reaches its ${pct(original)} as a mean over ${SEEDS_FOR_A_TARGET} seeds, and 0.99 of ` +
        `the directed oracle: ${run ? `${cell(run, 'test_accuracy', 'percent')} and ${cell(run, 'test_ratio_directed', 'number')} over ${seeds} seed${seeds === 1 ? '' : 's'}` : '—'}`,
    });
  }
  // A generic recurrent model that learns the standard set, and collapses on the disjoint one.
  for (const [label, standard, disjoint] of [
    ['the GRU', 'gru_standard_8', 'gru_disjoint_8'],
    ['the LSTM', 'lstm_standard_8', 'lstm_disjoint_8'],
    ['the RNN with clipping and warm-up', 'rnn_aided_standard_8', 'rnn_aided_disjoint_8'],
  ] as const) {
    const [onStandard, onDisjoint] = [metric(standard, 'test_accuracy'), metric(disjoint, 'test_accuracy')];
    const shown = (name: string) => {
      const run = runs.get(name);
      return run ? cell(run, 'test_accuracy', 'percent') : '—';
    };
    checks.push({
      met: onStandard === null || onDisjoint === null ? null : onStandard >= 0.8 && onDisjoint < onStandard - 0.3,
      text: `${label} learns the standard set (at least 80.0%) and falls by more than 30 points on the disjoint one: ${shown(standard)} and ${shown(disjoint)}`,
    });
  }
  for (const size of [8, 50]) {
    const plastic = plasticRowsOnDisjoint(runs, size);
    const ratioOf = ({ config, metrics }: CollectedRun) => metrics[`test_ratio_${matchingOracle(config)}`] ?? null;
    const best = plastic.filter((run) => ratioOf(run) !== null).sort((a, b) => ratioOf(b)! - ratioOf(a)!)[0];
    const ratio = best ? ratioOf(best) : null;
    checks.push({
      met: ratio === null ? null : ratio >= 0.95,
      text:
        `a plastic model reaches 95% of the oracle that matches it (directed for the forward write, undirected for the reverse write) on the ${size}-node ` +
        `disjoint test set: best ${best?.spec.name ?? '—'} at ${formatValue(ratio, 'number')}${best ? ` of the ${matchingOracle(best.config)} oracle` : ''}`,
    });
    // "Recovering to 90%" needs a level worth recovering: a model that stays near chance (the RNN
    // family on disjoint graphs) "recovers" its own level at once, so a level below 90% of what its
    // matching oracle, not told of switches either, reaches over the same steps counts as never (200
    // steps on a 50-node graph leave that oracle near 75%). A summary written before that level was
    // measured is held to 90% itself (the 8-node oracle's level is about 99%).
    const recover = ({ config, metrics }: CollectedRun) => {
      const needed = RECOVERY_LEVEL * (metrics[`level_before_switch_${matchingOracle(config)}_oracle`] ?? 1);
      return (metrics.level_before_switch ?? 0) >= needed ? (metrics.steps_to_recover ?? Number.POSITIVE_INFINITY) : Number.POSITIVE_INFINITY;
    };
    const generic = genericDisjoint(size).map((name) => runs.get(name)).filter((run) => run !== undefined);
    const fastestGeneric = generic.length ? Math.min(...generic.map(recover)) : null;
    const plasticRecover = best ? recover(best) : null;
    checks.push({
      met: fastestGeneric === null || plasticRecover === null ? null : plasticRecover < fastestGeneric,
      text: `after a graph switch (${size} nodes) it is back at 90% of its level in fewer steps than the RNN family, from a level of at least ${pct(RECOVERY_LEVEL)} of its matching oracle's (a model below that level never recovers): ${formatSteps(plasticRecover)} vs ${formatSteps(fastestGeneric)} at best`,
    });
  }
  checks.push(lastingMemory(runs), ...[8, 50].map((size) => plasticWins(runs, size)));
  return checks;
}

/**
 * The catalogue's rows of generic baselines (RNN, GRU, LSTM, transformer, however trained: on long
 * walks, with training aids) on the disjoint graphs of `size` nodes.
 */
const genericDisjoint = (size: number) =>
  RUNS.map(({ name }) => name).filter((name) => /^(rnn|gru|lstm|transformer)_/.test(name) && name.endsWith(`_disjoint_${size}`));

/** Plastic rows on the disjoint graphs of `size` nodes. */
const plasticRowsOnDisjoint = (runs: ReadonlyMap<string, CollectedRun>, size: number) =>
  [...runs.values()].filter(({ spec, config }) => spec.name.startsWith('plastic') && config.num_nodes === size && config.dataset_type === 'disjoint');

/**
 * A memory that lasts: on 50-node graphs, late in 2,000-step walks (from `long_late_start`), the best
 * plastic row is right on at least 95% of the steps the oracle that matches it gets right there.
 */
function lastingMemory(runs: ReadonlyMap<string, CollectedRun>): TargetCheck {
  const lateRatio = ({ config, metrics }: CollectedRun) => {
    const [accuracy, oracle] = [metrics.long_late_accuracy, metrics[`long_late_${matchingOracle(config)}_oracle`]];
    return accuracy === null || accuracy === undefined || !oracle ? null : accuracy / oracle;
  };
  const best = plasticRowsOnDisjoint(runs, 50)
    .filter((run) => lateRatio(run) !== null)
    .sort((a, b) => lateRatio(b)! - lateRatio(a)!)[0];
  const ratio = best ? lateRatio(best) : null;
  return {
    met: ratio === null ? null : ratio >= 0.95,
    text:
      `a plastic memory that lasts: on unseen 50-node graphs, from step 1,500 of 2,000-step walks, at least 95% of the oracle that matches it over the same steps: ` +
      (best
        ? `best ${best.spec.name} at ${cell(best, 'long_late_accuracy', 'percent')}, ${formatValue(ratio, 'number')} of the ${matchingOracle(best.config)} oracle, ` +
          `over ${best.seeds.length} seed${best.seeds.length === 1 ? '' : 's'}${best.seeds.length < SEEDS_FOR_A_TARGET ? ' so far' : ''}`
        : '—'),
  };
}

/**
 * Where the claim is made, the plastic network wins: on the disjoint graphs of `size` nodes, some plastic
 * row beats every generic baseline (RNN, GRU, LSTM, transformer) on test accuracy and on accuracy over
 * 2,000-step walks, as means over their seeds. Not measurable until every baseline has run.
 */
function plasticWins(runs: ReadonlyMap<string, CollectedRun>, size: number): TargetCheck {
  const baselines = genericDisjoint(size);
  const ran = baselines.map((name) => runs.get(name)).filter((run) => run !== undefined);
  const metricsOf = ['test_accuracy', 'long_accuracy'] as const;
  const strongest = Object.fromEntries(metricsOf.map((key) => [key, Math.max(...ran.map(({ metrics }) => metrics[key] ?? 0))]));
  const beats = (run: CollectedRun) => metricsOf.every((key) => (run.metrics[key] ?? 0) > strongest[key]!);
  const plastic = plasticRowsOnDisjoint(runs, size).sort((a, b) => (b.metrics.test_accuracy ?? 0) - (a.metrics.test_accuracy ?? 0));
  const winner = plastic.find(beats) ?? plastic[0];
  const best = (key: (typeof metricsOf)[number]) => ran.slice().sort((a, b) => (b.metrics[key] ?? 0) - (a.metrics[key] ?? 0))[0];
  const shown = (run: CollectedRun | undefined, key: (typeof metricsOf)[number]) => (run ? `${run.spec.name} ${cell(run, key, 'percent')}` : '—');
  const missing = baselines.filter((name) => !runs.has(name));
  return {
    met: missing.length > 0 || !winner ? null : beats(winner),
    text:
      `on the ${size}-node disjoint graphs a plastic row beats every generic baseline on test accuracy and over 2,000-step walks: ` +
      `${shown(winner, 'test_accuracy')} and ${winner ? cell(winner, 'long_accuracy', 'percent') : '—'} against the best baselines, ` +
      `${shown(best('test_accuracy'), 'test_accuracy')} and ${shown(best('long_accuracy'), 'long_accuracy')}` +
      (missing.length > 0 ? ` (not run yet: ${missing.join(', ')})` : ''),
  };
}

/** Steps to recover: a mean over seeds is not a whole number, so it keeps one decimal. */
function formatSteps(steps: number | null): string {
  if (steps === null) return '—';
  if (!Number.isFinite(steps)) return 'never';
  return `${Number.isInteger(steps) ? steps : steps.toFixed(1)} steps`;
}
