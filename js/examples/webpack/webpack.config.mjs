import { fileURLToPath } from 'node:url';

export default {
  mode: 'production',
  entry: './main.js',
  // The bundle and the .wasm go to dist/assets/, the page to dist/; publicPath 'auto' (the
  // default) finds the .wasm beside the bundle, wherever the page is.
  output: { path: fileURLToPath(new URL('dist/assets/', import.meta.url)), filename: 'main.js' },
  // The .wasm is about 630 KB, about 244 KB gzipped: do not warn about it.
  performance: { assetFilter: (name) => !name.endsWith('.wasm') },
};
