/**
 * Registers the gradients of every tfjs-core kernel, which tfjs-core alone does
 * not do. Import it once, for its side effect, before training (`tf.grads`,
 * `optimizer.minimize`); inference does not need it.
 *
 * @example
 * ```ts
 * import '@pg/models/register-gradients';
 * ```
 */
// tfjs-core's own entry must set up the shared engine before the gradient modules
// run: they carry copies of tfjs-core internals (bundled, see tsup.config.ts) that
// would otherwise create the engine themselves, with tensors lacking the op handlers.
import '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
