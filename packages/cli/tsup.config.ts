import { packageBuild } from '../../tsup.base.js';

// ESM only, like @pg/report (vega is ESM-only); `bin` is the `pg` command.
export default packageBuild({ entry: ['src/index.ts', 'src/bin.ts'], format: ['esm'], platform: 'node' });
