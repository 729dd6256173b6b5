// Runs the built `pg` command with a fault injected into its file-system operations, for the
// fault-injection test. PG_FAULT_KILL_AT=n: the process kills itself with SIGKILL at its n-th
// file-system operation (before it happens; with PG_FAULT_TEAR=1 a write first writes half of its
// data, as a kill in the middle of a write would leave it). PG_FAULT_RECORD=file: no fault; every
// operation is recorded (kind and path), in order, to that file when the process ends.
import { Buffer } from 'node:buffer';
import { createRequire, syncBuiltinESMExports } from 'node:module';

const require = createRequire(import.meta.url);
const fs = require('node:fs');
const killAt = Number(process.env.PG_FAULT_KILL_AT ?? 0);
const tear = process.env.PG_FAULT_TEAR === '1';
const record = process.env.PG_FAULT_RECORD;
const { writeFileSync, appendFileSync } = fs;
const operations = [];
/** Set while a wrapped operation runs: Node's own appendFileSync and rmSync call other wrapped functions, which are not operations of their own. */
let inside = false;

/** Wraps `target[name]`; `data` is the index of the argument holding the data written, if any. */
function inject(target, name, kind, data) {
  const real = target[name];
  target[name] = function (...args) {
    if (inside) return real.apply(this, args);
    operations.push({ kind: `${kind}.${name}`, path: String(args[0]) });
    if (operations.length === killAt) {
      if (tear && data !== undefined && args[data] != null) {
        const bytes = Buffer.from(typeof args[data] === 'string' ? args[data] : args[data].buffer ?? args[data]);
        (name.startsWith('append') ? appendFileSync : writeFileSync)(args[0], bytes.subarray(0, bytes.length >> 1));
      }
      process.kill(process.pid, 'SIGKILL');
      // Nothing more of this process may run while the signal lands.
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10_000);
    }
    inside = true;
    try {
      return real.apply(this, args);
    } finally {
      inside = false;
    }
  };
}

for (const [name, data] of [['writeFileSync', 1], ['appendFileSync', 1], ['renameSync'], ['rmSync'], ['unlinkSync'], ['mkdirSync'], ['linkSync'], ['copyFileSync'], ['cpSync']]) {
  inject(fs, name, 'fs', data);
}
for (const [name, data] of [['writeFile', 1], ['appendFile', 1], ['rename'], ['rm'], ['unlink'], ['mkdir'], ['copyFile']]) inject(fs.promises, name, 'promises', data);
syncBuiltinESMExports();
if (record) process.on('exit', () => writeFileSync(record, JSON.stringify(operations)));

await import('../../dist/bin.js');
