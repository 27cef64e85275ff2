import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const fromHere = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

// The API (apps/api) listens on :3000 and, in production, serves this build on the same
// origin; in development Vite proxies /api there so cookies, CORS and paths match.
const apiProxy = { '/api': { target: 'http://localhost:3000', changeOrigin: true } };

export default defineConfig({
  // Explicit root so `vite build -c apps/web/vite.config.ts` works from the repository root.
  root: fromHere('.'),
  plugins: [react()],
  resolve: {
    // The shared libraries are consumed as source: no separate build step, one copy of the code.
    alias: [
      { find: /^@caseload\/domain$/, replacement: fromHere('../../libs/domain/src/index.ts') },
      { find: /^@caseload\/contracts$/, replacement: fromHere('../../libs/contracts/src/index.ts') },
    ],
  },
  server: { port: 5173, proxy: apiProxy },
  preview: { port: 4173, proxy: apiProxy },
  build: {
    outDir: fromHere('dist'),
    emptyOutDir: true,
    sourcemap: true,
  },
});
