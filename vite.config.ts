import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The client lives in client/ and builds to dist/client, which the server serves in production.
// In development, Vite serves the client and forwards /api to the workbench server.
const apiTarget = process.env.WORKBENCH_DEV_API ?? 'http://127.0.0.1:4000';

export default defineConfig({
  root: 'client',
  plugins: [react()],
  build: {
    outDir: '../dist/client',
    emptyOutDir: true,
    sourcemap: false,
  },
  server: {
    host: '127.0.0.1',
    port: 5173,
    strictPort: true,
    proxy: {
      '/api': { target: apiTarget, changeOrigin: false },
    },
  },
});
