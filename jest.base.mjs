import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(fileURLToPath(import.meta.url));

/**
 * Jest settings shared by every package: ESM TypeScript through @swc/jest,
 * tests in `test/`, relative `.js` specifiers mapped back to their `.ts` source,
 * and the cache kept inside the repository. `tf: true` adds the tfjs test setup.
 */
export function jestConfig({ tf = false, ...overrides } = {}) {
  return {
    // Packages that compute with tfjs get a backend and the gradient registry.
    setupFilesAfterEnv: tf ? [join(root, 'jest.tf-setup.mjs')] : [],
    testEnvironment: 'node',
    // Turbo runs packages side by side on two cores: give slow machines room, never a flaky timeout.
    testTimeout: 120_000,
    roots: ['<rootDir>/test'],
    testMatch: ['**/*.test.ts'],
    extensionsToTreatAsEsm: ['.ts'],
    moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
    transform: {
      '^.+\\.ts$': [
        '@swc/jest',
        {
          jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
          module: { type: 'es6' },
        },
      ],
    },
    cacheDirectory: join(root, '.cache', 'jest'),
    ...overrides,
  };
}
