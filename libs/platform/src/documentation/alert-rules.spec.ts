import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/*
 * deploy/prometheus/hev-alerts.yml is tied to the code and to docs/operations.md: promtool checks its syntax and runs
 * its unit tests (hev-alerts.test.yml), every hev_* metric it names is one the code exports, and every runbook link
 * points at a heading of the operations guide. CI installs promtool (Debian package `prometheus`) when it is missing.
 */

const ROOT = join(__dirname, '..', '..', '..', '..');
const RULES = join(ROOT, 'deploy', 'prometheus', 'hev-alerts.yml');
const RULE_TESTS = join(ROOT, 'deploy', 'prometheus', 'hev-alerts.test.yml');
const OPERATIONS = join(ROOT, 'docs', 'operations.md');

function promtool(...args: string[]): { status: number | null; output: string } {
  const result = spawnSync('promtool', args, { cwd: join(ROOT, 'deploy', 'prometheus'), encoding: 'utf8' });
  if (result.error) {
    throw new Error(
      `promtool is needed to check the alert rules (${result.error.message}); install it with ` +
        '`apt-get install -y --no-install-recommends prometheus` (bash .ci/run does)',
    );
  }
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

/** Source files of the platform itself: no tests, no test support. */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' ? [] : sourceFiles(path);
    const rel = relative(ROOT, path);
    const isTest = /\.(spec|int-spec|e2e-spec)\.ts$/.test(name) || rel.startsWith(join('libs', 'testing'));
    return name.endsWith('.ts') && !isTest ? [path] : [];
  });
}

/** Every `hev_…` metric name the code writes as a string literal (a metric's `name`). */
function exportedMetricNames(): Set<string> {
  const names = new Set<string>();
  for (const file of [...sourceFiles(join(ROOT, 'apps')), ...sourceFiles(join(ROOT, 'libs'))])
    for (const match of readFileSync(file, 'utf8').matchAll(/['"`](hev_[a-z0-9_]+)['"`]/g))
      names.add(match[1]!);
  return names;
}

/** The hev_* metrics the rules' expressions name (comments left out). */
function metricsNamedByRules(): Set<string> {
  const text = readFileSync(RULES, 'utf8')
    .split('\n')
    .filter((line) => !line.trimStart().startsWith('#'))
    .join('\n');
  return new Set([...text.matchAll(/\bhev_[a-z0-9_]+/g)].map((m) => m[0]));
}

/** GitHub's anchor of a Markdown heading: lower case, punctuation dropped, spaces to hyphens. */
function anchorOf(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

describe('deploy/prometheus/hev-alerts.yml', () => {
  it('passes promtool check rules', () => {
    const { status, output } = promtool('check', 'rules', RULES);
    expect({ status, output }).toEqual({ status: 0, output: expect.stringContaining('SUCCESS') });
  });

  it('passes its promtool unit tests (every alert fires when it should and not before)', () => {
    const { status, output } = promtool('test', 'rules', RULE_TESTS);
    expect({ status, output }).toEqual({ status: 0, output: expect.stringContaining('SUCCESS') });
  });

  it('names only metrics the code exports (a histogram by its _count, _sum or _bucket series)', () => {
    const exported = exportedMetricNames();
    const unknown = [...metricsNamedByRules()].filter(
      (name) => !exported.has(name) && !exported.has(name.replace(/_(count|sum|bucket)$/, '')),
    );
    expect(unknown).toEqual([]);
  });

  it('covers outbox lag, the oldest pending check, open breakers, overdue cases and audit verification failures', () => {
    expect([...metricsNamedByRules()]).toEqual(
      expect.arrayContaining([
        'hev_outbox_lag_seconds',
        'hev_verification_oldest_pending_check_seconds',
        'hev_source_circuit_state',
        'hev_applications_overdue',
        'hev_audit_verification_failures_total',
      ]),
    );
  });

  it('links every alert to a section of docs/operations.md that exists', () => {
    const anchors = new Set(
      readFileSync(OPERATIONS, 'utf8')
        .split('\n')
        .filter((line) => /^#{1,6} /.test(line))
        .map((line) => anchorOf(line.replace(/^#+ /, ''))),
    );
    const links = [
      ...readFileSync(RULES, 'utf8').matchAll(/runbook: docs\/operations\.md#([a-z0-9-]+)/g),
    ].map((m) => m[1]!);
    const alerts = [...readFileSync(RULES, 'utf8').matchAll(/- alert: /g)].length;
    expect(links).toHaveLength(alerts);
    expect(links.filter((anchor) => !anchors.has(anchor))).toEqual([]);
  });
});
