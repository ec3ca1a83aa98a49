import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/* Every link between the pages of docs/manual/ (and from them to other documents) points at a file that exists. */

const MANUAL = join(__dirname, '..', '..', '..', '..', 'docs', 'manual');
const pages = readdirSync(MANUAL).filter((name) => name.endsWith('.md'));

describe('docs/manual — links', () => {
  it('has a page per role and an index', () => {
    expect(pages).toEqual(expect.arrayContaining(['README.md', '核对站工作人员.md', '系统管理.md']));
  });

  it.each(pages)('%s links only to documents that exist', (page) => {
    const text = readFileSync(join(MANUAL, page), 'utf8');
    const targets = [...text.matchAll(/\]\(([^)#:\s]+\.md)(?:#[^)]*)?\)/g)].map((m) => m[1]!);
    const missing = targets.filter(
      (target) => !statSync(join(MANUAL, target), { throwIfNoEntry: false })?.isFile(),
    );
    expect(missing).toEqual([]);
  });
});
