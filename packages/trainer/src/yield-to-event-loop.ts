/**
 * Lets the event loop run (signal handlers such as Ctrl-C, timers, a page's
 * rendering) before the work goes on: `setImmediate` in Node, a zero-delay
 * timeout where it does not exist (browsers).
 */
export function yieldToEventLoop(): Promise<void> {
  const immediate = (globalThis as { setImmediate?: (callback: () => void) => unknown }).setImmediate;
  return new Promise((resolve) => (immediate ? immediate(resolve) : setTimeout(resolve, 0)));
}
