import { EvalError } from './errors.js';

/**
 * The probability that a Student t variable with `df` degrees of freedom
 * lies in [−t, t], from the closed forms for integer degrees of freedom
 * (Abramowitz and Stegun 26.7.3 and 26.7.4): a finite sum in powers of
 * cos θ, with θ = atan(t / √df). Exact to rounding, no special functions.
 */
function centralProbability(t: number, df: number): number {
  const theta = Math.atan(t / Math.sqrt(df));
  const sin = Math.sin(theta);
  const cos = Math.cos(theta);
  const cos2 = cos * cos;
  if (df % 2 === 0) {
    // sin θ · (1 + (1/2) cos²θ + (1·3)/(2·4) cos⁴θ + … up to cos^(df−2) θ)
    let term = 1;
    let sum = 1;
    for (let j = 1; 2 * j <= df - 2; j++) {
      term *= ((2 * j - 1) / (2 * j)) * cos2;
      sum += term;
    }
    return sin * sum;
  }
  // (2/π) · (θ + sin θ · (cos θ + (2/3) cos³θ + … up to cos^(df−2) θ)); the sum is empty for df = 1.
  let term = cos;
  let sum = df > 1 ? cos : 0;
  for (let j = 1; 2 * j + 1 <= df - 2; j++) {
    term *= ((2 * j) / (2 * j + 1)) * cos2;
    sum += term;
  }
  return (2 / Math.PI) * (theta + sin * sum);
}

/**
 * The two-sided Student t critical value: the `t` with P(|T| ≤ t) =
 * `confidence` for `df` degrees of freedom (e.g. 4.303 for 95% and 2), found
 * by bisection on the exact distribution. Cost grows linearly with `df`,
 * which is a number of seeds minus one here.
 */
export function studentTCritical(confidence: number, df: number): number {
  if (!(confidence > 0 && confidence < 1)) throw new EvalError('confidence', confidence, 'a number in (0, 1)');
  if (!Number.isInteger(df) || df < 1) throw new EvalError('degrees of freedom', df, 'an integer ≥ 1');
  let low = 0;
  let high = 1;
  while (centralProbability(high, df) < confidence) high *= 2;
  for (let i = 0; i < 200 && high - low > 1e-12 * high; i++) {
    const middle = (low + high) / 2;
    if (centralProbability(middle, df) < confidence) low = middle;
    else high = middle;
  }
  return (low + high) / 2;
}
