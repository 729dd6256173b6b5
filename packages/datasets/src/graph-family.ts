import { gnpGenerator, gridGenerator, ringGenerator, type GnpOptions, type GraphGenerator, type GridOptions, type RingOptions } from '@pg/graphs';
import type { GraphFamilyJSON } from './config.js';
import { DatasetError } from './errors.js';

/**
 * The built-in families, by the name a configuration records, rebuilt from their recorded
 * parameters (each generator checks them, as when it was first made).
 */
const BUILT_IN: Readonly<Record<string, (parameters: object) => GraphGenerator>> = {
  gnp: (parameters) => gnpGenerator(parameters as GnpOptions),
  grid: (parameters) => gridGenerator(parameters as GridOptions),
  torus: (parameters) => gridGenerator(parameters as GridOptions),
  ring: (parameters) => ringGenerator(parameters as RingOptions),
};

/**
 * The generator of a stored graph family: a built-in family is rebuilt from
 * its recorded parameters; a family of your own must be passed as
 * `generator`, and is checked against the record (its name and parameters),
 * so that a dataset is never rebuilt on other graphs than it was made of.
 */
export function generatorOfFamily(family: GraphFamilyJSON, generator?: GraphGenerator): GraphGenerator {
  const { name, ...parameters } = family;
  const rebuilt = generator ?? BUILT_IN[name]?.(parameters);
  if (!rebuilt) {
    throw new DatasetError(
      'graphFamily.name',
      name,
      `one of ${Object.keys(BUILT_IN).map((known) => `'${known}'`).join(', ')}, or a family whose generator is passed: datasetFromConfig(config, { generator })`,
    );
  }
  const recorded = JSON.stringify({ name, ...parameters });
  const given = JSON.stringify({ name: rebuilt.name, ...rebuilt.getConfig() });
  if (given !== recorded) throw new DatasetError('generator', given, `the stored graph family ${recorded}`);
  return rebuilt;
}
