/**
 * Derives an independent 32-bit seed from a parent seed and a path of labels,
 * so that sub-tasks (graph 17 of the train split, the shuffle of epoch 3) get
 * their own stream whatever order they run in.
 *
 * @example
 * ```ts
 * const rng = createRng(deriveSeed(42, 'train', 17));
 * ```
 */
export function deriveSeed(seed: number, ...path: ReadonlyArray<string | number>): number {
  let hash = mix32((seed | 0) ^ 0x9e3779b9) ^ mix32(Math.floor(seed / 0x100000000) | 0);
  for (const label of path) {
    const text = typeof label === 'number' ? `#${label}` : label;
    for (let i = 0; i < text.length; i++) hash = mix32(hash ^ text.charCodeAt(i));
    hash = mix32(hash ^ 0x85ebca6b);
  }
  return hash;
}

/** The murmur3 finaliser: a bijective avalanche on 32-bit integers. */
function mix32(value: number): number {
  let h = value | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h | 0;
}
