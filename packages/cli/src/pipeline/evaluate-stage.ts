import type { GraphDataset } from '@pg/datasets';
import { evaluateSplitByBatch, longExploration, switchAdaptation, type Curve } from '@pg/eval';
import type { GraphNetwork } from '@pg/models';
import { formatValue, rollingAccuracyFigure, switchAccuracyFigure, type Series } from '@pg/report';
import { longExplorationOptions, switchAdaptationOptions } from '../config/to-options.js';
import { writeFigure } from './figure-files.js';
import type { RunContext } from './run-context.js';
import { runInSlices, stopPoint } from './stop-point.js';

const series = (label: string, curve: Curve, dashed = false): Series => ({ label, x: curve.x, y: curve.y, dashed });

/**
 * Measures the trained network on the unseen test graphs: next-node accuracy
 * on the test walks (with the oracle ratio and the first-visit / reverse /
 * revisit break-down), rolling accuracy over long explorations, and
 * adaptation across graph switches without reset. Writes
 * `evaluation.json`, the two rolling-accuracy figures and the headline numbers.
 */
export async function evaluateStage(context: RunContext, dataset: GraphDataset, model: GraphNetwork): Promise<void> {
  const { config, run, log, summary } = context;
  await stopPoint(context);
  const test = await runInSlices(evaluateSplitByBatch(model, dataset.test, { seed: config.seed, batchSize: Math.max(config.trainer_batch_size, 64) }), context);
  log.info(
    `test accuracy ${pct(test.accuracy)} (undirected oracle ${pct(test.oracle.undirected.expectedAccuracy)}, ratio ${test.ratioToOracle.undirected.toFixed(3)}); ` +
      `first visits ${pct(test.byCategory.firstVisit.accuracy)}, reverse ${pct(test.byCategory.reverse.accuracy)}, revisits ${pct(test.byCategory.revisit.accuracy)}`,
  );
  await stopPoint(context);
  const long = longExploration(model, dataset.test.graphs, longExplorationOptions(config));
  log.info(
    `long exploration (${long.steps} steps × ${long.explorations}): accuracy ${pct(long.score.accuracy)} (directed oracle ${pct(long.score.oracle.directed.expectedAccuracy)}), ` +
      `the original's rolling average ${pct(long.seedRollingAverage.model)} (directed oracle ${pct(long.seedRollingAverage.directed)}), ` +
      `steps ${long.late.from}–${long.steps} ${pct(long.late.model)} (directed oracle ${pct(long.late.directed)}, undirected ${pct(long.late.undirected)}), last window ${pct(long.finalAccuracy)}`,
  );
  await stopPoint(context);
  const switching = switchAdaptation(model, dataset.test.graphs, switchAdaptationOptions(config));
  log.info(
    `graph switches: ${switching.recovery.steps === null ? 'no recovery' : `back to 90% after ${switching.recovery.steps} steps`} ` +
      `(level before ${pct(switching.recovery.levelBefore)})`,
  );
  // Typed arrays become plain lists in JSON.
  run.write('evaluation.json', `${JSON.stringify({ test, long, switching }, (_, value) => (ArrayBuffer.isView(value) ? Array.from(value as Float64Array) : value), 2)}\n`);
  summary.setMetrics({
    test_accuracy: test.accuracy,
    test_ratio_undirected: test.ratioToOracle.undirected,
    test_ratio_directed: test.ratioToOracle.directed,
    first_visit_accuracy: test.byCategory.firstVisit.accuracy,
    reverse_accuracy: test.byCategory.reverse.accuracy,
    revisit_accuracy: test.byCategory.revisit.accuracy,
    chance: test.chance,
    long_accuracy: long.score.accuracy,
    long_directed_oracle: long.score.oracle.directed.expectedAccuracy,
    long_undirected_oracle: long.score.oracle.undirected.expectedAccuracy,
    long_revisit_accuracy: long.score.byCategory.revisit.accuracy,
    long_rolling_average: long.seedRollingAverage.model,
    long_rolling_average_directed_oracle: long.seedRollingAverage.directed,
    long_rolling_average_undirected_oracle: long.seedRollingAverage.undirected,
    long_late_start: long.late.from,
    long_late_accuracy: long.late.model,
    long_late_directed_oracle: long.late.directed,
    long_late_undirected_oracle: long.late.undirected,
    long_final_accuracy: long.finalAccuracy,
    switch_accuracy: switching.score.accuracy,
    steps_to_recover: switching.recovery.steps,
    level_before_switch: switching.recovery.levelBefore,
    level_before_switch_directed_oracle: switching.levelBefore.directed,
    level_before_switch_undirected_oracle: switching.levelBefore.undirected,
  });

  const name = config.network_type;
  await stopPoint(context);
  await writeFigure(
    run,
    rollingAccuracyFigure(
      [series(name, long.curve), series('undirected oracle', long.oracleCurves.undirected, true), series('directed oracle', long.oracleCurves.directed, true)],
      { window: long.window },
    ),
  );
  await stopPoint(context);
  await writeFigure(
    run,
    switchAccuracyFigure(
      [series(name, switching.curve), series('oracle, not told of switches', switching.oracleCurves.undirected, true), series('oracle, reset at switches', switching.oracleCurves.undirectedWithReset, true)],
      { switches: switching.switches, window: switching.window },
    ),
  );
}

const pct = (value: number | null) => formatValue(value, 'percent');
