import { isAbsolute, relative, sep } from 'node:path';

/**
 * The `pg` command line as a run records it: arguments that are absolute
 * paths inside `cwd` (alone, or after `=` as in `--out=/…`) become relative
 * to it, so a summary committed to a repository does not carry the path of
 * the machine that ran it and can be retyped from the same directory.
 * Paths outside `cwd` stay absolute.
 *
 * @example
 * ```ts
 * commandLine(['run', '--config', '/repo/configs/a.yaml', '--out=/repo/run'], '/repo'); // 'pg run --config configs/a.yaml --out=run'
 * ```
 */
export function commandLine(argv: readonly string[], cwd: string): string {
  const portable = (path: string) => {
    if (!isAbsolute(path)) return path;
    const inside = relative(cwd, path);
    if (inside === '') return '.';
    return inside.startsWith('..') || isAbsolute(inside) ? path : inside.split(sep).join('/');
  };
  const words = argv.map((arg) => {
    const equals = arg.indexOf('=');
    return arg.startsWith('--') && equals > 0 ? `${arg.slice(0, equals + 1)}${portable(arg.slice(equals + 1))}` : portable(arg);
  });
  return ['pg', ...words].join(' ');
}
