import { add, clone, dispose, div, mul, scalar, sqrt, square, sub, tidy, variable, zerosLike, type NamedTensorMap, type Tensor, type Variable } from '@tensorflow/tfjs-core';
import { TrainerError } from './errors.js';

/** The names of the bias-correction powers in {@link Adam.state}; each weight adds `m/<name>` and `v/<name>`. */
const POWERS = ['beta1_power', 'beta2_power'] as const;

/**
 * Adam (Kingma and Ba, 2015) whose whole state can be read and restored bit
 * for bit, so that training resumed from a snapshot ends exactly where an
 * uninterrupted run does. tfjs-core's `train.adam` cannot do this: its
 * `setWeights` recomputes the bias-correction powers as `beta ** (t + 1)`,
 * which differs in the last bits from the running product `beta · beta · …`
 * it keeps while training, so every later step moves slightly differently.
 * The arithmetic here is `train.adam`'s, op for op in float32, so an
 * uninterrupted run trains exactly as it did with `train.adam`.
 */
export class Adam {
  /** The step size, read at every step (a schedule may change it between steps). */
  learningRate: number;
  /** `beta1 ** t` and `beta2 ** t` after `t` steps, as running products. */
  private powers: [Variable, Variable];
  /** The first and second moments of each weight, by the weight's name in the model. */
  private readonly moments = new Map<string, { m: Variable; v: Variable }>();

  constructor(
    learningRate: number,
    private readonly beta1 = 0.9,
    private readonly beta2 = 0.999,
    private readonly epsilon = 1e-8,
  ) {
    this.learningRate = learningRate;
    // As in train.adam, the powers start one step ahead: beta ** 1.
    this.powers = [untrained(() => scalar(beta1)), untrained(() => scalar(beta2))];
  }

  /** Applies one step to `weights` (by name in the model) from `gradients` keyed by each variable's tfjs name. */
  step(weights: ReadonlyMap<string, Variable>, gradients: NamedTensorMap): void {
    tidy(() => {
      const [beta1Power, beta2Power] = this.powers;
      const firstCorrection = sub(1, beta1Power);
      const secondCorrection = sub(1, beta2Power);
      for (const [name, weight] of weights) {
        const gradient = gradients[weight.name];
        if (gradient === undefined) continue;
        const { m, v } = this.momentsOf(name, weight);
        const nextM = add(mul(m, this.beta1), mul(gradient, 1 - this.beta1));
        const nextV = add(mul(v, this.beta2), mul(square(gradient), 1 - this.beta2));
        const correctedM = div(nextM, firstCorrection);
        const correctedV = div(nextV, secondCorrection);
        m.assign(nextM);
        v.assign(nextV);
        weight.assign(add(mul(div(correctedM, add(sqrt(correctedV), this.epsilon)), -this.learningRate), weight));
      }
      beta1Power.assign(mul(beta1Power, this.beta1));
      beta2Power.assign(mul(beta2Power, this.beta2));
    });
  }

  /** Copies of the whole state, by name (`beta1_power`, `beta2_power`, `m/<weight>`, `v/<weight>`); the caller owns them. */
  state(): NamedTensorMap {
    const state: NamedTensorMap = { [POWERS[0]]: clone(this.powers[0]), [POWERS[1]]: clone(this.powers[1]) };
    for (const [name, { m, v }] of this.moments) {
      state[`m/${name}`] = clone(m);
      state[`v/${name}`] = clone(v);
    }
    return state;
  }

  /** Replaces the state with copies of one read by {@link Adam.state} (the caller keeps its tensors). */
  restore(state: NamedTensorMap): void {
    for (const name of POWERS) if (state[name] === undefined) throw new TrainerError('optimizer state', Object.keys(state), `Adam's state, with ${name}`);
    this.dispose();
    this.powers = [untrained(() => clone(state[POWERS[0]]!)), untrained(() => clone(state[POWERS[1]]!))];
    for (const [key, value] of Object.entries(state)) {
      const match = /^m\/(.+)$/.exec(key);
      if (!match) continue;
      const second = state[`v/${match[1]}`];
      if (second === undefined) throw new TrainerError('optimizer state', key, `a pair of moments (v/${match[1]} is missing)`);
      this.moments.set(match[1]!, { m: untrained(() => clone(value)), v: untrained(() => clone(second)) });
    }
  }

  /** Frees the state. */
  dispose(): void {
    dispose(this.powers);
    for (const { m, v } of this.moments.values()) dispose([m, v]);
    this.moments.clear();
  }

  private momentsOf(name: string, weight: Variable): { m: Variable; v: Variable } {
    let moments = this.moments.get(name);
    if (!moments) {
      moments = { m: untrained(() => zerosLike(weight)), v: untrained(() => zerosLike(weight)) };
      this.moments.set(name, moments);
    }
    return moments;
  }
}

/** A variable outside any gradient, holding a fresh tensor (`variable` shares its data, so the tensor itself is freed). */
function untrained(make: () => Tensor): Variable {
  return tidy(() => variable(make(), false));
}
