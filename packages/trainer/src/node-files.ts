/**
 * Node's file system, loaded on first use rather than imported at the top, so
 * that the trainer also loads in a browser, where only its file-writing parts
 * (snapshots, JSONL metrics) cannot run.
 */
export function nodeFiles() {
  return Promise.all([
    import(/* webpackIgnore: true */ /* @vite-ignore */ 'node:fs/promises'),
    import(/* webpackIgnore: true */ /* @vite-ignore */ 'node:path'),
  ]);
}
