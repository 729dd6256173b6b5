import { parse as parseYaml, YAMLParseError } from 'yaml';
import { ConfigError } from '../errors.js';
import { checkCombinations } from './check-combinations.js';
import { checkSizes } from './check-sizes.js';
import { CONFIG_KEYS, CONFIG_SECTIONS, KEY_ALIASES, type ConfigKeyName, type ConfigSection, type FlatConfig } from './config-keys.js';
import { describeSchema } from './describe-schema.js';
import { didYouMean } from './did-you-mean.js';

const KEY_NAMES = Object.keys(CONFIG_KEYS) as ConfigKeyName[];

/** Where a config comes from, for messages. */
export interface ConfigSource {
  /** The file name, or a label such as `--set`. */
  readonly name: string;
}

/**
 * Reads a run config in the seed project's YAML format: optional sections
 * `global`, `dataset`, `network`, `trainer`, `evaluation`, `logging`, whose
 * keys are merged into one flat config (`trainer.batch_size` meaning
 * `trainer_batch_size`), then `overrides` (`section.key=value`, the value
 * read as YAML) on top, then defaults for every key left out. Throws one
 * {@link ConfigError} naming the key, the value and what is expected, for a
 * YAML syntax error, an unknown section or key (with a did-you-mean), a wrong
 * type, an out-of-range value or an impossible combination.
 *
 * @example
 * ```ts
 * const config = parseRunConfig('dataset:\n  num_nodes: 8\n', { name: 'tiny.yaml' }, ['trainer.epochs=2']);
 * config.num_nodes; // 8
 * ```
 */
export function parseRunConfig(text: string, source: ConfigSource, overrides: readonly string[] = []): FlatConfig {
  const document = readYaml(text, source.name, 'valid YAML');
  if (document === null || document === undefined) {
    throw new ConfigError(source.name, 'an empty file', `a run config with at least one section (${CONFIG_SECTIONS.join(', ')}); configs/quickstart.yaml is a small one`);
  }
  const values = collectSections(document, source);
  for (const override of overrides) applyOverride(values, override);
  return resolve(values);
}

/** A key's value and where it was written. */
interface Placed {
  value: unknown;
  at: string;
}

function collectSections(document: unknown, source: ConfigSource): Map<ConfigKeyName, Placed> {
  if (!isMapping(document)) {
    throw new ConfigError(source.name, document, `a mapping of sections (${CONFIG_SECTIONS.join(', ')})`);
  }
  const values = new Map<ConfigKeyName, Placed>();
  for (const [section, body] of Object.entries(document)) {
    if (!CONFIG_SECTIONS.includes(section as ConfigSection)) {
      const hint = didYouMean(section, CONFIG_SECTIONS);
      throw new ConfigError(section, body, `a known section (${hint ? `did you mean "${hint}"? ` : ''}sections: ${CONFIG_SECTIONS.join(', ')})`);
    }
    if (body === null) continue;
    if (!isMapping(body)) throw new ConfigError(section, body, 'a mapping of keys to values');
    for (const [name, value] of Object.entries(body)) {
      const at = `${section}.${name}`;
      const keyName = canonicalKey(section as ConfigSection, name, value);
      const previous = values.get(keyName);
      if (previous && JSON.stringify(previous.value) !== JSON.stringify(value)) {
        throw new ConfigError(at, value, `the same as ${previous.at} (${JSON.stringify(previous.value)}), since sections are merged`);
      }
      values.set(keyName, { value, at });
    }
  }
  return values;
}

function canonicalKey(section: ConfigSection, name: string, value: unknown): ConfigKeyName {
  const alias = KEY_ALIASES[section]?.[name];
  if (alias) return alias;
  if (name in CONFIG_KEYS) return name as ConfigKeyName;
  const hint = didYouMean(name, KEY_NAMES);
  throw new ConfigError(
    `${section}.${name}`,
    value,
    hint ? `a known key: did you mean ${CONFIG_KEYS[hint].section}.${hint}?` : 'a known key (see `pg run --help` or the configuration reference)',
  );
}

function applyOverride(values: Map<ConfigKeyName, Placed>, override: string): void {
  const match = /^([a-z_]+)\.([a-z_]+)=(.*)$/s.exec(override);
  if (!match) throw new ConfigError('--set', override, 'of the form section.key=value, e.g. trainer.epochs=10');
  const [, section, name, text] = match as unknown as [string, string, string, string];
  if (!CONFIG_SECTIONS.includes(section as ConfigSection)) {
    const hint = didYouMean(section, CONFIG_SECTIONS);
    throw new ConfigError(`--set ${section}`, override, `a known section${hint ? ` (did you mean "${hint}"?)` : ''}`);
  }
  const value: unknown = text === '' ? null : readYaml(text, `--set ${section}.${name}`, 'a YAML value (a number, a string, true, false, null or a [list])', true);
  values.set(canonicalKey(section as ConfigSection, name, value), { value, at: `--set ${section}.${name}` });
}

function resolve(values: Map<ConfigKeyName, Placed>): FlatConfig {
  const config: Record<string, unknown> = {};
  for (const name of KEY_NAMES) {
    const definition = CONFIG_KEYS[name];
    const placed = values.get(name);
    if (!placed) {
      config[name] = structuredClone(definition.default);
      continue;
    }
    const result = definition.schema.safeParse(placed.value);
    if (!result.success) throw new ConfigError(placed.at, placed.value, describeSchema(definition.schema));
    config[name] = result.data;
  }
  const flat = config as FlatConfig;
  const where = (name: ConfigKeyName) => values.get(name)?.at ?? `${CONFIG_KEYS[name].section}.${name}`;
  checkCombinations(flat, where);
  checkSizes(flat, where);
  return flat;
}

/**
 * Parses YAML, turning every failure into one line that names `where`: a
 * syntax error with its position, or the parser's refusal (an alias bomb:
 * more aliases than the parser allows, which would expand exponentially).
 * The text itself is shown only when `echo` is set (a `--set` value, never
 * a file).
 */
function readYaml(text: string, where: string, expected: string, echo = false): unknown {
  try {
    return parseYaml(text);
  } catch (error) {
    const problem =
      error instanceof YAMLParseError
        ? `${error.code}${error.linePos ? ` at line ${error.linePos[0].line}, column ${error.linePos[0].col}` : ''}`
        : String((error as Error).message).split('\n')[0]!;
    throw echo ? new ConfigError(where, text, `${expected}: ${problem}`) : new ConfigError(where, problem, expected);
  }
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
