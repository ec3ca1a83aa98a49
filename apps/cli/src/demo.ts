import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { applyDemoDatabaseRoles, loadConfig } from '@app/config';

/**
 * `npm start`: the whole platform on one machine for a demo — migrate, seed demo users, then the api,
 * worker and mock-sources processes; prints the URLs and logins; Ctrl-C stops everything.
 */
const DIST = join(__dirname, '..', '..');
const children: ChildProcess[] = [];

function run(script: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(DIST, script)], { stdio: 'inherit' });
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${script} exited with ${code}`))));
  });
}

function start(name: string, script: string): void {
  const child = spawn(process.execPath, [join(DIST, script)], { stdio: ['ignore', 'pipe', 'pipe'] });
  const prefix = (line: string) => `[${name}] ${line}\n`;
  for (const stream of [child.stdout, child.stderr]) {
    let buffer = '';
    stream?.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) if (line.trim()) process.stdout.write(prefix(line));
    });
  }
  child.on('exit', (code, signal) => {
    if (!shuttingDown) {
      process.stderr.write(`${name} stopped unexpectedly (${signal ?? code}); stopping the demo.\n`);
      shutdown(1);
    }
  });
  children.push(child);
}

async function waitForHealth(url: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`${url} did not become healthy within ${timeoutMs / 1000}s`);
}

let shuttingDown = false;
function shutdown(code: number): void {
  shuttingDown = true;
  for (const child of children) child.kill('SIGTERM');
  setTimeout(() => process.exit(code), 5000).unref();
  Promise.all(
    children.map((c) => new Promise((r) => (c.exitCode !== null ? r(null) : c.on('exit', r)))),
  ).then(
    () => process.exit(code),
    () => process.exit(code),
  );
}

async function main(): Promise<void> {
  // Two database roles (SPEC 8) even on a machine with only `postgres` and trust auth; the children inherit them.
  applyDemoDatabaseRoles();
  const config = loadConfig();
  await run('cli/src/migrate.js');
  await run('cli/src/seed-demo.js');
  start('mock-sources', 'mock-sources/src/main.js');
  start('api', 'api/src/main.js');
  start('worker', 'worker/src/main.js');
  process.on('SIGINT', () => shutdown(0));
  process.on('SIGTERM', () => shutdown(0));
  const api = `http://127.0.0.1:${config.port}`;
  const mock = `http://127.0.0.1:${config.mockSourcesPort}`;
  const worker = `http://127.0.0.1:${config.workerPort}`;
  await Promise.all([
    waitForHealth(`${api}/health/live`),
    waitForHealth(`${mock}/health/live`),
    waitForHealth(`${worker}/health/live`),
  ]);
  process.stdout.write(
    [
      '',
      'HEV platform is running (demo data; Ctrl-C stops everything):',
      `  API            ${api}/api/v1`,
      `  OpenAPI UI     ${api}/api/docs   (JSON: ${api}/api/docs-json)`,
      `  Health         ${api}/health/ready   Metrics ${api}/metrics`,
      `  Worker         ${worker}/health/ready   Metrics ${worker}/metrics`,
      `  Mock sources   ${mock}   (control API: ${mock}/admin/...)`,
      `  Administrator  ${config.admin.username} / ${config.env === 'production' ? '(ADMIN_PASSWORD)' : config.admin.password}`,
      '  Demo users are listed above by seed:demo and in README.md.',
      '',
    ].join('\n'),
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`demo failed: ${error instanceof Error ? error.message : String(error)}\n`);
  shutdown(1);
});
