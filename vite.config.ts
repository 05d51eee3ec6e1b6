import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const projectRoot = fileURLToPath(new URL('.', import.meta.url));
const apiTarget = 'http://127.0.0.1:3000';

/**
 * The web app lives in src/web and is built into dist/web, which the server serves.
 * Pages are split by route (React.lazy), so the first load carries only the shell:
 * React, the router, TanStack Query, i18next and antd's ConfigProvider.
 */
export default defineConfig({
  root: `${projectRoot}src/web`,
  base: '/',
  plugins: [react()],
  build: {
    outDir: `${projectRoot}dist/web`,
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 900,
  },
  server: {
    port: 5173,
    proxy: {
      '/api': { target: apiTarget, changeOrigin: false },
      '/healthz': { target: apiTarget, changeOrigin: false },
    },
  },
  preview: {
    proxy: {
      '/api': { target: apiTarget, changeOrigin: false },
      '/healthz': { target: apiTarget, changeOrigin: false },
    },
  },
});
