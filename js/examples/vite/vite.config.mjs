import { defineConfig } from 'vite';

export default defineConfig({
  // `vite` (the dev server) pre-bundles dependencies, which would lose the package's
  // `new URL('fangkong_bg.wasm', import.meta.url)`: leave it as it is.
  optimizeDeps: { exclude: ['fangkong'] },
});
