import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EnvironmentVariables } from '@app/config';

/* Every variable docs/operations.md's configuration table names is one the platform reads (libs/config). */

const ROOT = join(__dirname, '..', '..', '..', '..');

function documentedVariables(): string[] {
  const text = readFileSync(join(ROOT, 'docs', 'operations.md'), 'utf8');
  const table = text.slice(text.indexOf('## Configuration'), text.indexOf('## Secrets and their rotation'));
  const names = table
    .split('\n')
    .filter((line) => line.startsWith('| `'))
    .flatMap((line) =>
      [...line.split('|')[1]!.matchAll(/`([A-Z][A-Z0-9_]*(?:<CODE>)?)`/g)].map((m) => m[1]!),
    );
  return [...new Set(names)];
}

describe('docs/operations.md — configuration', () => {
  const known = new Set(Object.keys(new EnvironmentVariables()));

  it('documents variables at all', () => {
    expect(documentedVariables().length).toBeGreaterThan(20);
  });

  it.each(documentedVariables())('names %s, which libs/config reads', (name) => {
    if (name === 'SOURCE_KEY_<CODE>') expect(known).toContain('SOURCE_KEY_HUKOU');
    else expect(known).toContain(name);
  });
});
