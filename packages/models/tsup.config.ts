import { packageBuild } from '../../tsup.base.js';

// The gradient registration file imports tfjs-core's internal dist modules, whose
// extension-less specifiers plain Node ESM cannot load, so those modules are bundled
// into it; `@tensorflow/tfjs-core` itself stays external (one shared engine).
export default packageBuild({
  entry: ['src/index.ts', 'src/register-gradients.ts'],
  noExternal: [/^@tensorflow\/tfjs-core\/dist\//],
});
