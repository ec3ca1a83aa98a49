import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { StepResult } from './open-loop';

/** `baseline`: the raw Fastify + pg server; `city` / `station`: the platform API under that workload. */
export type Target = 'baseline' | 'city' | 'station';

export const TARGET_LABELS: Record<Target, string> = {
  baseline: 'raw baseline',
  city: 'platform, city-wide',
  station: 'platform, one station',
};

export interface MeasuredStep {
  target: Target;
  result: StepResult;
  /** CPU cores the server process used on average over the step (user + system). */
  serverCores: number;
  /** Share of the whole machine's CPU that was busy over the step (every process, every helper's). */
  machineBusy: number;
}

/** SPEC 10: the intake target. */
export const TARGET_RATE = 1000;
export const TARGET_P99_MS = 100;

/** A step passes when nothing failed, the rate was sustained and p99 stayed within the target. */
export function passes(result: StepResult): boolean {
  return (
    result.errors === 0 && result.achievedRate >= 0.98 * result.offeredRate && result.p99 <= TARGET_P99_MS
  );
}

/** The highest offered rate that passed, or 0. */
export function bestPassingRate(steps: MeasuredStep[], target: MeasuredStep['target']): number {
  return steps
    .filter((s) => s.target === target && passes(s.result))
    .reduce((best, s) => Math.max(best, s.result.offeredRate), 0);
}

function ms(value: number): string {
  if (!Number.isFinite(value)) return '–';
  return value >= 100 ? value.toFixed(0) : value.toFixed(1);
}

function errorsOf(result: StepResult): string {
  if (result.errors === 0) return '0';
  const kinds = Object.entries(result.errorsByKind)
    .map(([kind, count]) => `${count}× ${kind}`)
    .join(', ');
  return `${result.errors} (${kinds})`;
}

/** The results table: one row per rate and target, platform first. */
export function resultsTable(steps: MeasuredStep[]): string {
  const header =
    '| server and workload | offered /s | achieved 201/s | p50 ms | p99 ms | p99.9 ms | max ms | errors | server CPU (cores) | machine busy | pass |\n' +
    '|---|---:|---:|---:|---:|---:|---:|---|---:|---:|:-:|';
  const rows = steps.map((s) => {
    const r = s.result;
    return [
      TARGET_LABELS[s.target],
      r.offeredRate,
      r.achievedRate.toFixed(0),
      ms(r.p50),
      ms(r.p99),
      ms(r.p999),
      ms(r.max),
      errorsOf(r),
      s.serverCores.toFixed(2),
      `${(s.machineBusy * 100).toFixed(0)} %`,
      passes(r) ? 'yes' : 'no',
    ].join(' | ');
  });
  return `${header}\n${rows.map((row) => `| ${row} |`).join('\n')}`;
}

export const SECTION_HEADING = '## Intake (bench:intake)';

/**
 * Replaces the `## Intake (bench:intake)` section of the benchmarks document with `section` (which starts with that
 * heading), keeping every other section; appends it when absent; creates the document when missing.
 */
export function replaceSection(path: string, section: string): void {
  const current = existsSync(path) ? readFileSync(path, 'utf8') : '# Benchmarks\n';
  const lines = current.split('\n');
  const start = lines.findIndex((line) => line.trim() === SECTION_HEADING);
  let next: string;
  if (start < 0) {
    next = `${current.replace(/\n*$/, '')}\n\n${section.trim()}\n`;
  } else {
    let end = lines.findIndex((line, i) => i > start && /^## /.test(line));
    if (end < 0) end = lines.length;
    const before = lines.slice(0, start).join('\n').replace(/\n*$/, '');
    const after = lines.slice(end).join('\n').replace(/^\n*/, '');
    next = `${before}\n\n${section.trim()}\n${after ? `\n${after.replace(/\n*$/, '')}\n` : ''}`;
  }
  writeFileSync(path, next);
}
