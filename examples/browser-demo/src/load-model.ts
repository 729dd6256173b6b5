import { createDisjointDataset, type DisjointDatasetConfig, type DisjointDatasetOptions, type GraphSampler } from '@pg/datasets';
import { fromArtifacts, PlasticGraphNetwork } from '@pg/models';
import manifestUrl from '../checkpoint/model.json?url';
import weightsUrl from '../checkpoint/weights.bin?url';

/** The demo's trained network and where its unseen graphs come from. */
export interface DemoModel {
  readonly model: PlasticGraphNetwork;
  /** Draws graphs like the network's test graphs: their edges use only actions it never saw there in training. */
  readonly sampler: GraphSampler;
  readonly datasetConfig: DisjointDatasetConfig;
}

/**
 * Fetches the checkpoint that `pnpm --filter @pg-examples/browser-demo checkpoint` builds with the
 * `pg` command and rebuilds the network with `fromArtifacts`. The dataset configuration saved with
 * it rebuilds the very dataset the network was trained on (a few milliseconds), whose sampler
 * draws fresh graphs of its test side.
 */
export async function loadDemoModel(): Promise<DemoModel> {
  const [manifest, weightData] = await Promise.all([
    fetch(manifestUrl).then((response) => response.json() as Promise<unknown>),
    fetch(weightsUrl).then((response) => response.arrayBuffer()),
  ]);
  const { model, datasetConfig } = fromArtifacts({ manifest, weightData });
  if (!(model instanceof PlasticGraphNetwork) || datasetConfig?.type !== 'disjoint') {
    throw new Error('the demo checkpoint must hold a PlasticGraphNetwork trained on a disjoint dataset');
  }
  const { config, sampler } = createDisjointDataset(datasetConfig as DisjointDatasetOptions);
  return { model, sampler, datasetConfig: config };
}
