import { createRng, deriveSeed } from '@pg/graphs';
import { tensor, tidy, util, variable, type Variable } from '@tensorflow/tfjs-core';
import { ModelError } from './errors.js';
import { normalValues, uniformValues } from './random-values.js';

/**
 * The trainable variables of one model or layer, by name (`c1/kernel`). Each
 * variable draws its initial values from a generator seeded by the store's seed
 * and its own name, so adding a weight never changes the others and the same
 * seed always gives bit-identical weights.
 */
export class WeightStore {
  private readonly named = new Map<string, Variable>();

  constructor(private readonly seed: number) {}

  /** A variable uniform in `[-bound, bound)` (PyTorch's default for linear and recurrent layers is `1/√fan_in`). */
  uniform(name: string, shape: number[], bound: number): Variable {
    const rng = createRng(deriveSeed(this.seed, name));
    return this.add(name, shape, uniformValues(rng, util.sizeFromShape(shape), bound));
  }

  /** A variable drawn from a normal distribution of mean 0 and standard deviation `std`. */
  normal(name: string, shape: number[], std: number): Variable {
    const rng = createRng(deriveSeed(this.seed, name));
    return this.add(name, shape, normalValues(rng, util.sizeFromShape(shape), std));
  }

  /** A variable with every entry equal to `value`. */
  filled(name: string, shape: number[], value: number): Variable {
    return this.add(name, shape, new Float32Array(util.sizeFromShape(shape)).fill(value));
  }

  /** Lists another store's variables here too, under `prefix/`. */
  adopt(prefix: string, variables: ReadonlyMap<string, Variable>): void {
    for (const [name, value] of variables) this.register(`${prefix}/${name}`, value);
  }

  /** The variables in creation order, by name. */
  get variables(): ReadonlyMap<string, Variable> {
    return this.named;
  }

  /** The number of scalars in all variables. */
  get size(): number {
    let total = 0;
    for (const value of this.named.values()) total += value.size;
    return total;
  }

  /** Frees every variable. */
  dispose(): void {
    for (const value of this.named.values()) value.dispose();
  }

  private add(name: string, shape: number[], values: Float32Array): Variable {
    return this.register(name, tidy(() => variable(tensor(values, shape, 'float32'), true)));
  }

  private register(name: string, value: Variable): Variable {
    if (this.named.has(name)) throw new ModelError('weight name', name, 'unique within a network (this one is defined twice)');
    this.named.set(name, value);
    return value;
  }
}
