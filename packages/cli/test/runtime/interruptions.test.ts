import { describe, expect, it } from '@jest/globals';
import { watchInterruptions } from '../../src/runtime/interruptions.js';

describe('watchInterruptions', () => {
  it('sets the flag on the first SIGINT or SIGTERM, then leaves a second signal to the system, which ends the process at once', () => {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      const listeners = process.listenerCount(signal);
      let calls = 0;
      const interruption = watchInterruptions(() => void (calls += 1));
      expect(process.listenerCount(signal)).toBe(listeners + 1);
      expect(interruption.requested).toBe(false);
      process.emit(signal);
      expect(interruption.requested).toBe(true);
      expect(calls).toBe(1);
      // No listener of ours is left: the next signal gets the default action (exit 128 + n), even during synchronous work.
      expect(process.listenerCount(signal)).toBe(listeners);
      interruption.dispose();
    }
  });

  it('stops listening when disposed', () => {
    const listeners = process.listenerCount('SIGTERM');
    watchInterruptions(() => {}).dispose();
    expect(process.listenerCount('SIGTERM')).toBe(listeners);
  });
});
