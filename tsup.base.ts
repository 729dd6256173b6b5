import { defineConfig, type Options } from 'tsup';

/**
 * The one build recipe of every @pg package: ESM + CommonJS with bundled
 * declarations. A package applies it in its own tsup.config.ts and may add
 * entries (a CLI bin, a side-effect registration file) or bundling rules.
 */
export function packageBuild(overrides: Options = {}): ReturnType<typeof defineConfig> {
  return defineConfig({
    entry: ['src/index.ts'],
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    clean: true,
    target: 'node20',
    platform: 'neutral',
    splitting: false,
    treeshake: true,
    ...overrides,
  });
}
