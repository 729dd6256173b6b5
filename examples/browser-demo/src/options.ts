/** The demo's settings, read from the page's URL, e.g. `?seed=7&speed=max&backend=cpu`. */
export interface DemoOptions {
  /** Seed of the graphs, the walk and the initial fast weights. Default 1. */
  readonly seed: number;
  /** Steps per second while playing, or `max` for as fast as the machine runs. Default 8. */
  readonly speed: number | 'max';
  /** The tfjs backend: `wasm` (default) or `cpu`. */
  readonly backend: 'wasm' | 'cpu';
  /** Start walking as soon as the model is loaded. Default `true`. */
  readonly autoplay: boolean;
}

/**
 * Reads {@link DemoOptions} from a query string, falling back to the
 * defaults for anything missing or malformed.
 *
 * @example
 * ```ts
 * readOptions('?speed=max&seed=3'); // { seed: 3, speed: 'max', backend: 'wasm', autoplay: true }
 * ```
 */
export function readOptions(search: string): DemoOptions {
  const params = new URLSearchParams(search);
  const seed = Number(params.get('seed') ?? 1);
  const speed = params.get('speed');
  const stepsPerSecond = Number(speed);
  return {
    seed: Number.isSafeInteger(seed) ? seed : 1,
    speed: speed === 'max' ? 'max' : stepsPerSecond > 0 ? stepsPerSecond : 8,
    backend: params.get('backend') === 'cpu' ? 'cpu' : 'wasm',
    autoplay: params.get('autoplay') !== '0',
  };
}
