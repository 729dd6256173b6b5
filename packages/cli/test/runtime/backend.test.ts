import { describe, expect, it } from '@jest/globals';
import { MathBackendCPU } from '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';
import { useBackend, type ImportModule } from '../../src/runtime/backend.js';

const notFound = (specifier: string) => Object.assign(new Error(`Cannot find package '${specifier}' imported from /app/index.js`), { code: 'ERR_MODULE_NOT_FOUND' });

/**
 * Stands in for Node's import() on a machine with the given native packages installed (they cannot
 * be installed here): loading one registers a `tensorflow` backend, as the real packages do, and
 * every import is recorded.
 */
function machineWith(installed: readonly string[], failing: Readonly<Record<string, string>> = {}) {
  const imported: string[] = [];
  const importModule: ImportModule = async (specifier) => {
    imported.push(specifier);
    if (failing[specifier]) throw new Error(failing[specifier]);
    if (!installed.includes(specifier)) throw notFound(specifier);
    if (!tf.findBackendFactory('tensorflow')) tf.registerBackend('tensorflow', () => new MathBackendCPU());
    return {};
  };
  return { importModule, imported };
}

describe('useBackend', () => {
  it('selects the wasm backend, single-threaded with SIMD', async () => {
    const info = await useBackend('wasm');
    expect(tf.getBackend()).toBe('wasm');
    expect(info).toEqual({ name: 'wasm', description: 'wasm (SIMD, 1 thread)' });
  });

  it('selects the cpu fallback', async () => {
    expect((await useBackend('cpu')).description).toBe('cpu (pure JavaScript)');
    expect(tf.getBackend()).toBe('cpu');
  });

  it('explains how to get the tensorflow backend when no native package is installed', async () => {
    await expect(useBackend('tensorflow')).rejects.toThrow(
      'backend must be a backend whose package is installed: "tensorflow" needs @tensorflow/tfjs-node-gpu or @tensorflow/tfjs-node (npm install @tensorflow/tfjs-node), or use "wasm" (got "tensorflow")',
    );
    await expect(useBackend('tfjs-node')).rejects.toThrow(
      'backend must be a backend whose package is installed: "tfjs-node" needs @tensorflow/tfjs-node (npm install @tensorflow/tfjs-node), or use "wasm" (got "tfjs-node")',
    );
  });

  it('with both native packages installed, takes the GPU one for tensorflow and the one asked for by name', async () => {
    const both = ['@tensorflow/tfjs-node-gpu', '@tensorflow/tfjs-node'];
    const auto = machineWith(both);
    expect(await useBackend('tensorflow', auto.importModule)).toEqual({ name: 'tensorflow', description: 'tensorflow (@tensorflow/tfjs-node-gpu)' });
    expect(auto.imported).toEqual(['@tensorflow/tfjs-node-gpu']);
    expect(tf.getBackend()).toBe('tensorflow');

    const cpuBuild = machineWith(both);
    expect(await useBackend('tfjs-node', cpuBuild.importModule)).toEqual({ name: 'tfjs-node', description: 'tensorflow (@tensorflow/tfjs-node)' });
    expect(cpuBuild.imported).toEqual(['@tensorflow/tfjs-node']);

    const gpuBuild = machineWith(both);
    expect((await useBackend('tfjs-node-gpu', gpuBuild.importModule)).description).toBe('tensorflow (@tensorflow/tfjs-node-gpu)');
    expect(gpuBuild.imported).toEqual(['@tensorflow/tfjs-node-gpu']);
    await useBackend('wasm');
  });

  it('falls back to the CPU build for tensorflow, and refuses a package that is missing or fails to load', async () => {
    const cpuOnly = machineWith(['@tensorflow/tfjs-node']);
    expect((await useBackend('tensorflow', cpuOnly.importModule)).description).toBe('tensorflow (@tensorflow/tfjs-node)');
    expect(cpuOnly.imported).toEqual(['@tensorflow/tfjs-node-gpu', '@tensorflow/tfjs-node']);
    await expect(useBackend('tfjs-node-gpu', cpuOnly.importModule)).rejects.toThrow('"tfjs-node-gpu" needs @tensorflow/tfjs-node-gpu (npm install @tensorflow/tfjs-node-gpu)');

    const brokenGpu = machineWith([], { '@tensorflow/tfjs-node-gpu': 'libcudart.so.11.0: cannot open shared object file\n    at dlopen' });
    await expect(useBackend('tensorflow', brokenGpu.importModule)).rejects.toThrow(
      'backend must be a backend that loads: @tensorflow/tfjs-node-gpu is installed but failed to load (libcudart.so.11.0: cannot open shared object file) (got "tensorflow")',
    );
    await useBackend('wasm');
  });
});
