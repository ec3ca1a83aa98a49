import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EVENT_TYPES } from '@app/events';

/*
 * docs/integration.md lists every event type the platform publishes (a family such as `beneficiary.*` may be listed
 * once), and no type the platform does not publish.
 */

const DOCUMENT = readFileSync(join(__dirname, '..', '..', '..', '..', 'docs', 'integration.md'), 'utf8');
const section = DOCUMENT.slice(DOCUMENT.indexOf('## Events'), DOCUMENT.indexOf('### Verifying signatures'));
const listed = [...section.matchAll(/^\| (.+?) \|/gm)]
  .flatMap((m) => [...m[1]!.matchAll(/`([a-z-]+(?:\.[a-z-]+|\.\*))`/g)].map((t) => t[1]!))
  .filter((type) => type !== 'type');

describe('docs/integration.md — event types', () => {
  it.each([...EVENT_TYPES])('lists %s', (type) => {
    const family = `${type.slice(0, type.indexOf('.'))}.*`;
    expect(listed.includes(type) || listed.includes(family)).toBe(true);
  });

  it('lists no application event the platform does not publish', () => {
    const known = new Set<string>(EVENT_TYPES);
    expect(
      listed.filter((type) => !type.endsWith('.*') && !known.has(type) && !type.startsWith('review-batch')),
    ).toEqual([]);
  });
});
