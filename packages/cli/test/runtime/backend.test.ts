import { describe, expect, it } from '@jest/globals';
import * as tf from '@tensorflow/tfjs-core';
import { useBackend } from '../../src/runtime/backend.js';

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
  });
});
