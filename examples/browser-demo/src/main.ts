import { loadWasmKernels } from '@pg/models';
import { selectBackend } from './backend.js';
import { ChartView } from './chart-view.js';
import { GraphView } from './graph-view.js';
import { HeatmapView } from './heatmap-view.js';
import { loadDemoModel } from './load-model.js';
import { FIRST_STEPS, rollingMeans, summarizeSwitch, WINDOW } from './metrics.js';
import { readOptions } from './options.js';
import { WalkSession } from './walk-session.js';

/** Time spent stepping before the page redraws, when running as fast as it can. */
const FRAME_MS = 30;

const options = readOptions(location.search);
const element = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const status = element('status');
const percent = (value: number) => `${(100 * value).toFixed(0)}%`;

try {
  const backend = await selectBackend(options.backend);
  // Browsers compile WebAssembly over 4 KB only asynchronously: load the kernels before the model runs.
  const kernel = await loadWasmKernels();
  const { model, sampler, datasetConfig } = await loadDemoModel();
  element('model').textContent =
    `${model.getClassName()}, hidden size ${model.hiddenDim}, ${model.countParameters().slow.toLocaleString('en-US')} trained parameters; ` +
    `trained on disjoint graphs of ${datasetConfig.numNodes} nodes and ${datasetConfig.numActions} actions; tfjs backend ${backend}, wasm kernels on ${kernel.threads} thread${kernel.threads === 1 ? '' : 's'}`;
  const session = new WalkSession(model, sampler, options.seed);
  const graphView = new GraphView(element('graph'));
  const heatmap = new HeatmapView(element<HTMLCanvasElement>('heatmap'), model.hiddenDim);
  const chart = new ChartView(element('chart'));
  graphView.setGraph(session.graph);

  let playing = options.autoplay;
  const playButton = element<HTMLButtonElement>('play');

  const render = () => {
    const steps = session.steps.length;
    const lastSwitch = session.switches.at(-1) ?? 0;
    const last = steps > lastSwitch ? session.steps[steps - 1]! : null;
    graphView.showStep(last, session.node);
    heatmap.draw(session.fastWeights());
    const accuracy = rollingMeans(session.correctness(), WINDOW);
    const oracle = rollingMeans(session.oracleCorrectness(), WINDOW);
    chart.draw({ accuracy, oracle, switches: session.switches });
    show('step-count', String(steps), steps);
    show('accuracy', steps ? percent(accuracy[steps - 1]!) : '–', accuracy[steps - 1] ?? 0);
    show('oracle', steps ? percent(oracle[steps - 1]!) : '–', oracle[steps - 1] ?? 0);
    element('move').textContent = last
      ? `node ${last.node} –a${last.action}→ ${last.target}: predicted ${last.prediction} ${last.prediction === last.target ? '✓ right' : '✗ wrong'}`
      : `at node ${session.node} of a new graph`;
    element('move').className = last ? (last.prediction === last.target ? 'right' : 'wrong') : '';
    const summary = session.switches.length ? summarizeSwitch(session.correctness(), lastSwitch, WINDOW) : null;
    const switchLine = element('switch-summary');
    switchLine.textContent = !session.switches.length
      ? 'Press “New graph” to move the walker to another unseen graph; the fast weights are not reset.'
      : !summary
        ? 'Switched graphs; the summary needs 25 steps before the switch and one after it.'
        : `Last switch, after step ${summary.at}: accuracy ${percent(summary.levelBefore)} over the 25 steps before, ` +
          `${percent(summary.firstSteps)} over the first ${FIRST_STEPS} on the new graph, ` +
          (summary.recoveredAfter === null ? 'recovering…' : `back to 90% of its level after ${summary.recoveredAfter} steps.`);
    switchLine.dataset.levelBefore = String(summary?.levelBefore ?? '');
    switchLine.dataset.firstSteps = String(summary?.firstSteps ?? '');
    switchLine.dataset.recoveredAfter = String(summary?.recoveredAfter ?? '');
  };

  const tick = () => {
    if (!playing) return;
    if (options.speed === 'max') {
      const until = performance.now() + FRAME_MS;
      while (performance.now() < until) session.step();
    } else {
      session.step();
    }
    render();
    setTimeout(tick, options.speed === 'max' ? 0 : 1000 / options.speed);
  };
  const setPlaying = (value: boolean) => {
    playing = value;
    playButton.textContent = playing ? 'Pause' : 'Play';
    if (playing) tick();
  };

  playButton.addEventListener('click', () => setPlaying(!playing));
  element('step').addEventListener('click', () => {
    setPlaying(false);
    session.step();
    render();
  });
  element('switch').addEventListener('click', () => {
    session.switchGraph();
    graphView.setGraph(session.graph);
    render();
  });
  render();
  status.textContent = 'ready';
  status.dataset.state = 'ready';
  setPlaying(playing);
} catch (error) {
  status.textContent = `failed: ${(error as Error).message}`;
  status.dataset.state = 'error';
  throw error;
}

/** Sets a readout's text and its machine-readable value (for the end-to-end test). */
function show(id: string, text: string, value: number): void {
  const target = element(id);
  target.textContent = text;
  target.dataset.value = String(value);
}
