import { CONFIG_KEYS, CONFIG_SECTIONS, describeSchema, type ConfigKey, type ConfigKeyName } from '@pg/cli';

/** Every config key with its name, in the order `CONFIG_KEYS` lists them. */
export function configKeyEntries(): Array<[ConfigKeyName, ConfigKey]> {
  return Object.entries(CONFIG_KEYS) as Array<[ConfigKeyName, ConfigKey]>;
}

/** A key's default as a config file would write it (`null`, `42`, `"wasm"`, `[]`). */
export function formatDefault(key: ConfigKey): string {
  return JSON.stringify(key.default);
}

/**
 * One sentence about a key for the API reference: its meaning, section,
 * accepted values and default, all read from `CONFIG_KEYS`.
 *
 * @example
 * ```ts
 * keySummary(CONFIG_KEYS.seed); // 'Seed of every random stream: … Section `global`; accepts an integer; default `42`.'
 * ```
 */
export function keySummary(key: ConfigKey): string {
  return `${key.description} Section \`${key.section}\`; accepts ${describeSchema(key.schema)}; default \`${formatDefault(key)}\`.`;
}

/**
 * The configuration reference page: one table per section, each key with
 * what it accepts (in words, from its zod schema), its default and its
 * meaning. Generated from `CONFIG_KEYS`, so it cannot drift from the
 * validation.
 */
export function configReference(): string {
  const cell = (text: string) => text.replace(/\|/g, '\\|');
  const sections = CONFIG_SECTIONS.map((section) => {
    const rows = configKeyEntries()
      .filter(([, key]) => key.section === section)
      .map(([name, key]) => `| \`${name}\` | ${cell(describeSchema(key.schema))} | \`${cell(formatDefault(key))}\` | ${cell(key.description)} |`);
    return [`## ${section}`, '', '| key | accepts | default | meaning |', '| --- | --- | --- | --- |', ...rows].join('\n');
  });
  return `---
title: Configuration keys
---

# Configuration keys

<!-- Generated from CONFIG_KEYS in @pg/cli by docs/scripts/config-reference.ts; \`pnpm run docs\` rewrites it. Edit the schema, not this page. -->

A run config is a YAML file with the sections \`${CONFIG_SECTIONS.join('`, `')}\`, in the seed project's format.
The sections are merged into one flat config, so a key is accepted under any section; the tables
list each key under the section it belongs to. A key left out takes its default. \`--set section.key=value\`
overrides one key from the command line (repeatable), and \`--seed\` / \`--backend\` override
\`global.seed\` / \`global.backend\`. A misspelt key, a value of the wrong type or an impossible
combination stops the run before any work, with a message that names the key, the value and what is
accepted.

There are ${configKeyEntries().length} keys.

${sections.join('\n\n')}
`;
}
