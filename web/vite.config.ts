import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';

export default defineConfig({
  root: import.meta.dirname,
  plugins: [preact()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // The map (Leaflet, clustering) is its own chunk, loaded after the first results are on screen.
    modulePreload: { polyfill: false },
    rollupOptions: {
      // schema/ only defines zod schemas and vocabularies. Declared free of side effects, the schemas the
      // family page never uses (accounts, moderation, import) are dropped from its first bundle even though
      // they share the schema index module with the ones it does use.
      treeshake: { moduleSideEffects: (id: string) => !/[\\/]schema[\\/]/.test(id) },
    },
  },
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
});
