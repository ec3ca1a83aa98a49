import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/*
 * docs/manual/ shows the console's own screenshots: every image a manual page shows is one that a browser test writes
 * (`screenshot(page, '<name>')` in test/browser/, into docs/screenshots/ with CONSOLE_SCREENSHOTS=1), and the file is
 * in the repository. So the manual cannot show a screen the console does not have.
 */

const ROOT = join(__dirname, '..', '..', '..', '..');
const MANUAL = join(ROOT, 'docs', 'manual');
const BROWSER_TESTS = join(ROOT, 'test', 'browser');

function filesUnder(dir: string, suffix: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return filesUnder(path, suffix);
    return name.endsWith(suffix) ? [path] : [];
  });
}

function screenshotsWrittenByTests(): Set<string> {
  const names = new Set<string>();
  for (const file of filesUnder(BROWSER_TESTS, '.ts'))
    for (const m of readFileSync(file, 'utf8').matchAll(/screenshot\(\s*\w+\s*,\s*'([^']+)'/g))
      names.add(m[1]!);
  return names;
}

const pages = filesUnder(MANUAL, '.md');
const shown = pages.flatMap((page) =>
  [...readFileSync(page, 'utf8').matchAll(/!\[[^\]]*\]\(\.\.\/screenshots\/([^)]+)\.png\)/g)].map(
    (m) => [page.slice(MANUAL.length + 1), m[1]!] as const,
  ),
);

describe('docs/manual — screenshots', () => {
  it('shows screenshots at all', () => {
    expect(shown.length).toBeGreaterThan(5);
  });

  it.each(shown)('%s shows %s.png, which a browser test writes and the repository holds', (_page, name) => {
    expect(screenshotsWrittenByTests()).toContain(name);
    expect(statSync(join(ROOT, 'docs', 'screenshots', `${name}.png`)).isFile()).toBe(true);
  });

  it('links only to manual pages that exist', () => {
    for (const page of pages)
      for (const m of readFileSync(page, 'utf8').matchAll(/\]\(([^)#:]+\.md)(#[^)]*)?\)/g)) {
        const target = join(page, '..', m[1]!);
        expect({
          page,
          target,
          exists: statSync(target, { throwIfNoEntry: false })?.isFile() ?? false,
        }).toEqual({
          page,
          target,
          exists: true,
        });
      }
  });
});
