import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import plainWasm from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import simdWasm from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import threadedSimdWasm from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';

/**
 * Selects the tfjs backend in the browser. The wasm binaries are served from
 * the bundle (Vite copies the files imported with `?url`); threads stay off,
 * since they need a cross-origin-isolated page. Falls back to `cpu` when wasm
 * cannot start. Returns the backend in use.
 */
export async function selectBackend(name: 'wasm' | 'cpu'): Promise<string> {
  if (name === 'wasm') {
    setWasmPaths({ 'tfjs-backend-wasm.wasm': plainWasm, 'tfjs-backend-wasm-simd.wasm': simdWasm, 'tfjs-backend-wasm-threaded-simd.wasm': threadedSimdWasm });
    tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
    if (await tf.setBackend('wasm').catch(() => false)) return 'wasm';
  }
  await tf.setBackend('cpu');
  return 'cpu';
}
