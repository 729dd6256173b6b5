import {
  checkConsistency,
  degreeDistribution,
  fairOracleRates,
  meanWalkCoverage,
  pairActionHistogram,
  seedOptimalPredictionRateByGraph,
  tripletOverlap,
  type GraphDataset,
} from '@pg/datasets';
import { actionHistogramFigure, degreeDistributionFigure, graphDrawingFigure, walkCoverageFigure } from '@pg/report';
import { buildDataset } from './build-dataset.js';
import { writeFigure } from './figure-files.js';
import type { RunContext } from './run-context.js';
import { runInSlices, stopPoint } from './stop-point.js';

/**
 * Builds the dataset, checks it (triplet overlap, consistency, oracles),
 * writes `dataset_config.json`, `dataset_checks.json` and the dataset
 * figures, and records the oracle rates as headline numbers.
 */
export async function datasetStage(context: RunContext): Promise<GraphDataset> {
  const { config, run, log, summary } = context;
  const started = performance.now();
  const dataset = buildDataset(config);
  await stopPoint(context);
  const { train, validation, test } = dataset;
  const validationGraphs = validation ? `, ${validation.graphs.length} validation graphs (drawn like the test graphs)` : '';
  const splits = [train, ...(validation ? [validation] : []), test];
  // One length for all walks unless the training walks have sizes of their own.
  const walks = splits.every((split) => split.numTimesteps === test.numTimesteps)
    ? `${splits.reduce((sum, split) => sum + split.numWalks, 0)} walks of ${test.numTimesteps} nodes`
    : `walks of ${splits.map((split) => `${split.numWalks} ${split.name} × ${split.numTimesteps} nodes`).join(', ')}`;
  log.info(
    `dataset: ${config.dataset_type}, ${train.graphs.length} train${validationGraphs} and ${test.graphs.length} test graphs, ` +
      `${walks} (${((performance.now() - started) / 1000).toFixed(1)} s)`,
  );
  run.writeJson('dataset_config.json', dataset.config);

  // Safe points between the checks, and between the seed oracle's graphs (a thousand of them), so Ctrl-C is honoured promptly.
  const overlap = tripletOverlap(train.graphs, test.graphs);
  const validationOverlap = validation ? tripletOverlap(train.graphs, validation.graphs) : null;
  const consistency = { train: checkConsistency(train), test: checkConsistency(test) };
  await stopPoint(context);
  // On walks as long as the test walks (num_timesteps): it stands beside the test accuracy, and the seed project's own number.
  const seedRate = await runInSlices(seedOptimalPredictionRateByGraph(dataset.sampler, { steps: config.num_timesteps, seed: config.seed }), context);
  const checks = {
    tripletOverlap: overlap,
    validationTripletOverlap: validationOverlap,
    consistency,
    seedOptimalPredictionRate: seedRate,
    fairOracle: { train: fairOracleRates(train), test: fairOracleRates(test) },
  };
  run.writeJson('dataset_checks.json', checks);
  log.info(
    `checks: triplet overlap ${(100 * checks.tripletOverlap).toFixed(1)}%, seed oracle ${(100 * checks.seedOptimalPredictionRate).toFixed(1)}%, ` +
      `undirected oracle on test walks ${(100 * checks.fairOracle.test.undirected.expectedAccuracy).toFixed(1)}%`,
  );
  summary.setMetrics({
    train_graphs: train.graphs.length,
    validation_graphs: validation?.graphs.length ?? 0,
    test_graphs: test.graphs.length,
    triplet_overlap: checks.tripletOverlap,
    ...(checks.validationTripletOverlap === null ? {} : { validation_triplet_overlap: checks.validationTripletOverlap }),
    seed_oracle: checks.seedOptimalPredictionRate,
    test_directed_oracle: checks.fairOracle.test.directed.expectedAccuracy,
    test_undirected_oracle: checks.fairOracle.test.undirected.expectedAccuracy,
  });

  await stopPoint(context);
  await writeFigure(run, graphDrawingFigure(train.graphs[0]!, { name: 'train_graph', title: 'A training graph' }));
  await stopPoint(context);
  await writeFigure(run, graphDrawingFigure(test.graphs[0]!, { name: 'test_graph', title: 'A test graph' }));
  await stopPoint(context);
  await writeFigure(run, actionHistogramFigure(pairActionHistogram(train), { name: 'train_action_hist', split: 'train' }));
  await stopPoint(context);
  await writeFigure(run, actionHistogramFigure(pairActionHistogram(test), { name: 'test_action_hist', split: 'test' }));
  await stopPoint(context);
  await writeFigure(run, degreeDistributionFigure({ train: degreeDistribution(train.graphs), test: degreeDistribution(test.graphs) }));
  await stopPoint(context);
  await writeFigure(run, walkCoverageFigure({ train: meanWalkCoverage(train), test: meanWalkCoverage(test) }));
  return dataset;
}
