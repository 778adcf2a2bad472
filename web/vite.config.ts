import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The web app is served by the Concord server from web/dist; `npm run dev:web` serves it with hot
// reload and forwards API calls to a Concord server on :8080.
export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true },
  server: {
    port: 5173,
    proxy: { '/api': 'http://localhost:8080', '/docs': 'http://localhost:8080' },
  },
});
