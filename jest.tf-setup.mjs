// Test setup for packages that compute with tfjs: the default wasm backend
// (single-threaded, as threads do not work in Node), with gradients registered.
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import '@tensorflow/tfjs-backend-wasm';
import '@tensorflow/tfjs-backend-cpu';

tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
await tf.setBackend(process.env.PG_TEST_BACKEND ?? 'wasm');
