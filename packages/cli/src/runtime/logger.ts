import { appendFileSync } from 'node:fs';

/** Severity of a log line. */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

const ORDER: Record<LogLevel, number> = { debug: 0, info: 1, warn: 2, error: 3 };

/** The one logger of a CLI run: lines to the terminal (stderr) and, once a run folder exists, to its `run.log`. */
export interface Logger {
  /** Detail for `--verbose`; always written to the file. */
  debug(message: string): void;
  /** Progress worth a line. */
  info(message: string): void;
  /** Something the user should know that does not stop the work. */
  warn(message: string): void;
  /** A failure. */
  error(message: string): void;
  /** Also write every line from now on to this file. */
  attachFile(path: string): void;
  /** Changes the lowest level shown on the terminal. */
  setLevel(level: LogLevel): void;
}

/** Options of {@link createLogger}. */
export interface LoggerOptions {
  /** Lowest level shown on the terminal. Default `info`; the file gets everything. */
  level?: LogLevel;
  /** Where terminal lines go. Default: stderr, keeping stdout for results. */
  write?: (line: string) => void;
  /** Clock for the file's timestamps. */
  now?: () => Date;
}

/**
 * Creates the logger: plain lines on the terminal, timestamped lines in the file.
 *
 * @example
 * ```ts
 * const log = createLogger({ level: 'info' });
 * log.attachFile('run/abc/run.log');
 * log.info('training 80 epochs');
 * ```
 */
export function createLogger(options: LoggerOptions = {}): Logger {
  let threshold = ORDER[options.level ?? 'info'];
  const write = options.write ?? ((line: string) => process.stderr.write(`${line}\n`));
  const now = options.now ?? (() => new Date());
  let file: string | undefined;
  const log = (level: LogLevel) => (message: string) => {
    if (ORDER[level] >= threshold) write(level === 'info' || level === 'debug' ? message : `${level}: ${message}`);
    if (file) appendFileSync(file, `${now().toISOString()} ${level.toUpperCase().padEnd(5)} ${message}\n`);
  };
  return {
    debug: log('debug'),
    info: log('info'),
    warn: log('warn'),
    error: log('error'),
    attachFile(path: string) {
      file = path;
    },
    setLevel(level: LogLevel) {
      threshold = ORDER[level];
    },
  };
}
