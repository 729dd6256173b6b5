import { Comment, Converter, ReflectionKind, type Application } from 'typedoc';
import { CONFIG_KEYS } from '@pg/cli';
import { keySummary } from './config-reference.js';

/**
 * Gives each property of `CONFIG_KEYS` in the API reference the summary of
 * its key (meaning, section, accepted values, default), read from the object
 * itself, so the reference documents every key without repeating it in source.
 */
export function documentConfigKeys(app: Application): void {
  app.converter.on(Converter.EVENT_RESOLVE_BEGIN, (context) => {
    for (const reflection of context.project.getReflectionsByKind(ReflectionKind.Property)) {
      const [owner, , name] = reflection.getFullName().split('.');
      if (owner !== 'CONFIG_KEYS' || name === undefined || !Object.hasOwn(CONFIG_KEYS, name)) continue;
      reflection.comment ??= new Comment([{ kind: 'text', text: keySummary(CONFIG_KEYS[name as keyof typeof CONFIG_KEYS]) }]);
    }
  });
}
