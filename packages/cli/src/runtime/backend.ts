import * as tf from '@tensorflow/tfjs-core';
import { ConfigError } from '../errors.js';

/** The tfjs backends the CLI can run on (the values of the `backend` config key). */
export type BackendName = 'wasm' | 'cpu' | 'tensorflow' | 'tfjs-node' | 'tfjs-node-gpu';

/** What {@link useBackend} set up, for logs and `summary.json`. */
export interface BackendInfo {
  /** The backend selected. */
  readonly name: BackendName;
  /** e.g. `wasm (SIMD, 1 thread)` or `tensorflow (@tensorflow/tfjs-node-gpu)`. */
  readonly description: string;
}

/** Loads a package by name: `import()` itself, or a stand-in in tests. */
export type ImportModule = (specifier: string) => Promise<unknown>;

/**
 * The native TensorFlow bindings, optional peers of the CLI (their install downloads native
 * libraries), by the backend name that asks for exactly one of them. Both register tfjs's
 * `tensorflow` backend; `tensorflow` takes the first installed, GPU first.
 */
const NATIVE_PACKAGES = {
  'tfjs-node-gpu': '@tensorflow/tfjs-node-gpu',
  'tfjs-node': '@tensorflow/tfjs-node',
} as const;

/**
 * Loads and selects a tfjs backend. `wasm` is the default (SIMD, one thread:
 * its threads do not work in Node); `cpu` is a slow pure-JS fallback;
 * `tensorflow` uses `@tensorflow/tfjs-node-gpu` or else `@tensorflow/tfjs-node`,
 * whichever the user has installed, while `tfjs-node` and `tfjs-node-gpu` ask
 * for that very package (so the CPU build can be chosen where both are
 * installed). A native package that is missing, or installed but failing to
 * load, is a {@link ConfigError} saying which and what to do.
 */
export async function useBackend(name: BackendName, importModule: ImportModule = (specifier) => import(specifier)): Promise<BackendInfo> {
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
      for (const packageName of Object.values(NATIVE_PACKAGES)) {
        if (await tryImport(name, packageName, importModule)) return useNative(name, packageName);
      }
      throw new ConfigError(
        'backend',
        name,
        `a backend whose package is installed: "tensorflow" needs ${Object.values(NATIVE_PACKAGES).join(' or ')} (npm install @tensorflow/tfjs-node), or use "wasm"`,
      );
    }
    case 'tfjs-node':
    case 'tfjs-node-gpu': {
      const packageName = NATIVE_PACKAGES[name];
      if (await tryImport(name, packageName, importModule)) return useNative(name, packageName);
      throw new ConfigError('backend', name, `a backend whose package is installed: "${name}" needs ${packageName} (npm install ${packageName}), or use "wasm"`);
    }
  }
}

async function useNative(name: BackendName, packageName: string): Promise<BackendInfo> {
  await select('tensorflow');
  return { name, description: `tensorflow (${packageName})` };
}

async function select(name: string): Promise<void> {
  if (!(await tf.setBackend(name))) throw new ConfigError('backend', name, 'a backend that initialises on this machine');
  await tf.ready();
}

/** Whether a native package loads; `false` if it is not installed, a clear error if it is but cannot load. */
async function tryImport(backend: BackendName, packageName: string, importModule: ImportModule): Promise<boolean> {
  try {
    await importModule(packageName);
    return true;
  } catch (error) {
    const code = (error as { code?: string }).code;
    if ((code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') && String((error as Error).message).includes(packageName)) return false;
    const reason = String((error as Error).message).split('\n')[0];
    throw new ConfigError('backend', backend, `a backend that loads: ${packageName} is installed but failed to load (${reason})`);
  }
}
