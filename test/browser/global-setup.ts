// Relative imports: Jest applies moduleNameMapper to test files, not to the global setup.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import migrateTemplate from '../global-setup';

const ROOT = join(__dirname, '..', '..');
const CONSOLE_SRC = join(ROOT, 'apps', 'console');
const BUILT_INDEX = join(ROOT, 'dist', 'console', 'index.html');

function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((entry) => newestMtime(join(path, entry))));
}

/**
 * The browser tests drive the console the api serves from dist/console. On a fresh clone where only `npm ci` ran (the
 * README's `npm test`), or after the console's sources changed, build it first, so a test never runs a stale console.
 */
export default async function globalSetup(): Promise<void> {
  const stale = !existsSync(BUILT_INDEX) || newestMtime(CONSOLE_SRC) > statSync(BUILT_INDEX).mtimeMs;
  if (stale) {
    process.stdout.write('\nbuilding the console for the browser tests (npm run build:console)…\n');
    // Jest runs with NODE_ENV=test; the console served must be the production bundle.
    execFileSync('npm', ['run', 'build:console'], {
      cwd: ROOT,
      stdio: 'inherit',
      env: { ...process.env, NODE_ENV: 'production' },
    });
  }
  await migrateTemplate();
}
