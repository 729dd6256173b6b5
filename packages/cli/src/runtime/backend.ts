import * as tf from '@tensorflow/tfjs-core';
import { ConfigError } from '../errors.js';

/** The tfjs backends the CLI can run on. */
export type BackendName = 'wasm' | 'cpu' | 'tensorflow';

/** What {@link useBackend} set up, for logs and `summary.json`. */
export interface BackendInfo {
  /** The backend selected. */
  readonly name: BackendName;
  /** e.g. `wasm (SIMD, 1 thread)` or `tensorflow (@tensorflow/tfjs-node-gpu)`. */
  readonly description: string;
}

/** The native TensorFlow bindings a user may have installed, best first. */
const NATIVE_PACKAGES = ['@tensorflow/tfjs-node-gpu', '@tensorflow/tfjs-node'] as const;

/**
 * Loads and selects a tfjs backend. `wasm` is the default (SIMD, one thread:
 * its threads do not work in Node); `cpu` is a slow pure-JS fallback;
 * `tensorflow` uses `@tensorflow/tfjs-node-gpu` or `@tensorflow/tfjs-node`
 * when the user has installed one (neither is a dependency, since their
 * install downloads native libraries).
 */
export async function useBackend(name: BackendName): Promise<BackendInfo> {
  switch (name) {
    case 'wasm': {
      await import('@tensorflow/tfjs-backend-wasm');
      tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
      await select('wasm');
      const simd = await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT');
      return { name, description: `wasm (${simd ? 'SIMD' : 'no SIMD'}, 1 thread)` };
    }
    case 'cpu':
      await import('@tensorflow/tfjs-backend-cpu');
      await select('cpu');
      return { name, description: 'cpu (pure JavaScript)' };
    case 'tensorflow': {
      for (const packageName of NATIVE_PACKAGES) {
        if (await tryImport(packageName)) {
          await select('tensorflow');
          return { name, description: `tensorflow (${packageName})` };
        }
      }
      throw new ConfigError(
        'backend',
        name,
        `a backend whose package is installed: "tensorflow" needs ${NATIVE_PACKAGES.join(' or ')} (npm install @tensorflow/tfjs-node), or use "wasm"`,
      );
    }
  }
}

async function select(name: string): Promise<void> {
  if (!(await tf.setBackend(name))) throw new ConfigError('backend', name, 'a backend that initialises on this machine');
  await tf.ready();
}

/** Whether a native package loads; `false` if it is not installed, a clear error if it is but cannot load. */
async function tryImport(packageName: string): Promise<boolean> {
  try {
    await import(packageName);
    return true;
  } catch (error) {
    const code = (error as { code?: string }).code;
    if ((code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') && String((error as Error).message).includes(packageName)) return false;
    const reason = String((error as Error).message).split('\n')[0];
    throw new ConfigError('backend', 'tensorflow', `a backend that loads: ${packageName} is installed but failed to load (${reason})`);
  }
}
