import { readdirSync, readFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';

export interface MachineInfo {
  cores: number;
  cpuModel: string;
  memoryGiB: number;
  node: string;
  loadAverage: string;
}

export function machineInfo(): MachineInfo {
  const list = cpus();
  return {
    cores: list.length,
    cpuModel: list[0]?.model.trim() ?? 'unknown',
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    loadAverage: loadavg()
      .map((v) => v.toFixed(2))
      .join(' / '),
  };
}

function processTicks(): Map<number, { comm: string; ticks: number }> {
  const result = new Map<number, { comm: string; ticks: number }>();
  let entries: string[];
  try {
    entries = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return result;
  }
  for (const name of entries) {
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      result.set(Number(name), { comm, ticks: Number(fields[11]) + Number(fields[12]) });
    } catch {
      // the process ended meanwhile
    }
  }
  return result;
}

/**
 * What else keeps the CPU busy: samples every process for `seconds` and returns the busiest command names
 * (summed per name, in cores), leaving out the given pids. Linux only; empty elsewhere.
 */
export async function otherBusyProcesses(
  seconds: number,
  excludePids: number[],
): Promise<{ comm: string; cores: number }[]> {
  const before = processTicks();
  await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
  const after = processTicks();
  const byComm = new Map<string, number>();
  for (const [pid, { comm, ticks }] of after) {
    if (excludePids.includes(pid)) continue;
    const delta = ticks - (before.get(pid)?.ticks ?? ticks);
    if (delta > 0) byComm.set(comm, (byComm.get(comm) ?? 0) + delta);
  }
  return [...byComm.entries()]
    .map(([comm, ticks]) => ({ comm, cores: ticks / 100 / seconds }))
    .filter((p) => p.cores >= 0.05)
    .sort((a, b) => b.cores - a.cores);
}
