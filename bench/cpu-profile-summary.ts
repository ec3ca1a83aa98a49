import { readFileSync } from 'node:fs';
import { relative } from 'node:path';

/** The parts of a V8 `.cpuprofile` (written by `node --cpu-prof`) this summary reads. */
interface CpuProfile {
  nodes: {
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number };
    children?: number[];
  }[];
  samples: number[];
  timeDeltas: number[];
}

interface Row {
  name: string;
  selfMs: number;
  totalMs: number;
}

function frameName(frame: CpuProfile['nodes'][number]['callFrame']): string {
  const fn = frame.functionName || '(anonymous)';
  if (!frame.url) return fn;
  const url = frame.url.replace(/^file:\/\//, '');
  const short = url.includes('node_modules/')
    ? url.slice(url.lastIndexOf('node_modules/') + 'node_modules/'.length)
    : relative(process.cwd(), url);
  return `${fn} ${short}:${frame.lineNumber + 1}`;
}

/** Groups by package (node_modules/<pkg>), by project lib/app, or by V8/Node internals. */
function packageOf(frame: CpuProfile['nodes'][number]['callFrame']): string {
  const url = frame.url.replace(/^file:\/\//, '');
  if (!url) return frame.functionName.startsWith('(') ? frame.functionName : '(native)';
  const nm = url.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const rest = url.slice(nm + 'node_modules/'.length).split('/');
    return rest[0]?.startsWith('@') ? `${rest[0]}/${rest[1]}` : (rest[0] ?? url);
  }
  if (url.startsWith('node:')) return 'node:internals';
  const project =
    /\/dist\/(libs|apps|bench)\/([^/]+)\//.exec(url) ?? /\/(libs|apps|bench)\/([^/]+)\//.exec(url);
  return project ? `${project[1]}/${project[2]}` : url;
}

/**
 * `node dist/bench/cpu-profile-summary.js <file.cpuprofile> [top]`: where a process spent its CPU — self time per
 * function, self time per package, and inclusive time of the project's own functions.
 */
function main(): void {
  const [file, topArg] = process.argv.slice(2);
  if (!file) {
    process.stderr.write('usage: node dist/bench/cpu-profile-summary.js <file.cpuprofile> [top]\n');
    process.exit(2);
  }
  const top = Number(topArg ?? '30');
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);

  const selfUs = new Map<number, number>();
  profile.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const totalUs = [...selfUs.values()].reduce((a, b) => a + b, 0);
  const idle = [...selfUs.entries()]
    .filter(([id]) => byId.get(id)?.callFrame.functionName === '(idle)')
    .reduce((a, [, us]) => a + us, 0);
  const busyUs = totalUs - idle;

  const self = new Map<string, number>();
  const packages = new Map<string, number>();
  const inclusive = new Map<string, number>();
  for (const [id, us] of selfUs) {
    const node = byId.get(id);
    if (!node || node.callFrame.functionName === '(idle)') continue;
    const name = frameName(node.callFrame);
    self.set(name, (self.get(name) ?? 0) + us);
    const pkg = packageOf(node.callFrame);
    packages.set(pkg, (packages.get(pkg) ?? 0) + us);
    // Inclusive time of project functions: each distinct project frame on the stack gets the sample once.
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const frame = byId.get(at)?.callFrame;
      if (!frame || !/\/(libs|apps)\//.test(frame.url) || frame.url.includes('node_modules')) continue;
      const fname = frameName(frame);
      if (seen.has(fname)) continue;
      seen.add(fname);
      inclusive.set(fname, (inclusive.get(fname) ?? 0) + us);
    }
  }

  const print = (title: string, rows: Map<string, number>): void => {
    process.stdout.write(`\n${title}\n`);
    const sorted: Row[] = [...rows.entries()]
      .map(([name, us]) => ({ name, selfMs: us / 1000, totalMs: us / 1000 }))
      .sort((a, b) => b.selfMs - a.selfMs)
      .slice(0, top);
    for (const row of sorted)
      process.stdout.write(
        `${row.selfMs.toFixed(0).padStart(8)} ms ${((row.selfMs * 1000 * 100) / busyUs).toFixed(1).padStart(5)} %  ${row.name}\n`,
      );
  };
  process.stdout.write(
    `profile: ${(totalUs / 1e6).toFixed(1)} s sampled, ${(busyUs / 1e6).toFixed(1)} s busy (${((busyUs * 100) / totalUs).toFixed(0)} %)\n`,
  );
  print('self time by package', packages);
  print('self time by function', self);
  print('inclusive time of project functions', inclusive);
}

main();
