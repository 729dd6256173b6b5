/** A progress display for long work: a bar with ETA on a terminal, sparse lines otherwise. */
export interface Progress {
  /** Moves to `done` of `total`, with an optional short status such as `loss 0.41`. */
  update(done: number, status?: string): void;
  /** Ends the display with a final line. */
  finish(message: string): void;
}

/** Options of {@link createProgress}. */
export interface ProgressOptions {
  /** What is progressing, e.g. `epoch 3/50`. */
  readonly label: string;
  /** The count that means done. */
  readonly total: number;
  /** Draw a live bar (a TTY). Default: whether stderr is a TTY. */
  readonly interactive?: boolean;
  /** Where the text goes. Default: stderr. */
  readonly write?: (text: string) => void;
  /** The clock in milliseconds. Default: `performance.now`. */
  readonly now?: () => number;
}

const BAR_WIDTH = 24;

/**
 * Creates a progress display. On a TTY it redraws one line (`\r`) with a bar,
 * the count, the elapsed time and an ETA; elsewhere (CI, a log file) it prints
 * nothing until {@link Progress.finish}, so logs stay readable.
 *
 * @example
 * ```ts
 * const progress = createProgress({ label: 'epoch 3/50', total: batches });
 * progress.update(10, 'loss 0.52');
 * progress.finish('epoch 3/50 done');
 * ```
 */
export function createProgress(options: ProgressOptions): Progress {
  // No stderr in a browser: text goes to the console there, without a live bar.
  const stderr = globalThis.process?.stderr;
  const interactive = options.interactive ?? Boolean(stderr?.isTTY);
  const write = options.write ?? (stderr ? (text: string) => stderr.write(text) : (text: string) => console.log(text.trimEnd()));
  const now = options.now ?? (() => performance.now());
  const started = now();
  let drawn = false;
  return {
    update(done, status) {
      if (!interactive) return;
      const fraction = options.total > 0 ? Math.min(1, done / options.total) : 1;
      const filled = Math.round(fraction * BAR_WIDTH);
      const elapsed = (now() - started) / 1000;
      const eta = done > 0 ? (elapsed * (options.total - done)) / done : Number.NaN;
      const line = `${options.label} [${'#'.repeat(filled)}${'.'.repeat(BAR_WIDTH - filled)}] ${done}/${options.total} ${formatDuration(elapsed)}<${formatDuration(eta)}${status ? ` ${status}` : ''}`;
      write(`\r${line}\u001b[K`);
      drawn = true;
    },
    finish(message) {
      write(`${drawn ? '\r\u001b[K' : ''}${message}\n`);
    },
  };
}

/** `75` → `1:15`; unknown → `?`. */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '?';
  const whole = Math.round(seconds);
  const minutes = Math.floor(whole / 60);
  const hours = Math.floor(minutes / 60);
  const mm = String(minutes % 60).padStart(hours > 0 ? 2 : 1, '0');
  const ss = String(whole % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${mm}:${ss}` : `${mm}:${ss}`;
}
