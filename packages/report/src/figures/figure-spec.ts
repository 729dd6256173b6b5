import type { TopLevelSpec } from 'vega-lite';
import { FIGURE_CONFIG } from './theme.js';

/** Completes a panel (or a concatenation of panels) into a top-level spec with the shared look. */
export function figureSpec(body: Record<string, unknown>): TopLevelSpec {
  return { $schema: 'https://vega.github.io/schema/vega-lite/v6.json', config: FIGURE_CONFIG, ...body } as TopLevelSpec;
}
