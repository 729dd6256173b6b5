import { defineConfig } from 'vite';

// A plain TypeScript page: no framework plugin. The wasm binaries and the checkpoint are imported
// with `?url`, so the build copies them next to the bundle and the page works offline.
export default defineConfig({
  base: './',
  build: { target: 'es2022', chunkSizeWarningLimit: 2000 },
  server: { port: 5173 },
  preview: { port: 4173 },
});
