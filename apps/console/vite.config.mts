// The console's build: `npm run build` writes dist/console, which the api serves at / (SPEC 12).
import { fileURLToPath } from 'node:url';
import { defineConfig, type UserConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

const config = {
  root,
  base: '/',
  publicDir: false,
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: fileURLToPath(new URL('../../dist/console', import.meta.url)),
    emptyOutDir: true,
    assetsDir: 'assets',
    target: 'es2022',
    sourcemap: false,
    // No inline polyfill script: the Content Security Policy allows scripts from files only.
    modulePreload: { polyfill: false },
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      // antd marks its modules "use client" (for React Server Components); meaningless in this single-page app.
      onwarn(warning, warn) {
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
} satisfies UserConfig;

export default defineConfig(({ command }) => {
  /*
   * `vite build` always makes the production bundle. Vite otherwise takes NODE_ENV from the environment, and Jest sets
   * NODE_ENV=test: the console built by the browser tests' global setup was a development bundle in which rc-util's
   * useId returns the constant 'test-id', so every antd dialog was labelled by the first element with that id (on the
   * case page, the audit table's page-size select) and a dialog had no accessible name. Vite honours NODE_ENV set here.
   */
  if (command === 'build') process.env.NODE_ENV = 'production';
  return config;
});
