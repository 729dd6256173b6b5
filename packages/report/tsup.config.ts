import { packageBuild } from '../../tsup.base.js';

// ESM only: vega and vega-lite 6 ship no CommonJS build.
export default packageBuild({ format: ['esm'] });
