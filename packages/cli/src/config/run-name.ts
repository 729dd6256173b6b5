import { ConfigError } from '../errors.js';

/**
 * Checks a run's name (from `--name`, `run_name` or the config file's
 * name), which starts its run folder's name: not empty, not starting with
 * `-` (a folder that reads as an option) or `.` (a hidden folder), and
 * without `/` or `\` (a folder elsewhere). `where` names its source.
 */
export function checkRunName(name: string, where: string): string {
  if (name === '' || /^[-.]/.test(name) || /[/\\]/.test(name)) {
    throw new ConfigError(where, name, 'a run name that is not empty, starts with neither "-" nor ".", and holds no "/" or "\\" (it names the run folder)');
  }
  return name;
}
