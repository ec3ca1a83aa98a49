import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findDiscrepancies } from './discrepancies';
import { assess, evaluate } from './eligibility-engine';
import { facts, household, member, memberFacts, params } from './eligibility.fixture';
import { PROGRAMMES, type HouseholdInput, type Programme } from './household.types';
import { YONGZHOU_DEMO_PARAMETERS } from './policy-parameters';
import { RULE_IDS } from './recommendation.types';
import { type MemberFacts, type VerifiedFacts } from './verified-facts.types';

/*
 * docs/rules.md is tied to the engine: every rule has its own section naming the programmes it applies to and the
 * articles it cites, every parameter's seeded value matches the code, and every figure of the worked examples is what
 * the real engine computes for the example's input.
 */

const DOCUMENT = readFileSync(join(__dirname, '..', '..', '..', 'docs', 'rules.md'), 'utf8');

/** The text from a heading line to the next heading of the same or a higher level. */
function sectionAfter(text: string, headingLine: string): string {
  const start = text.indexOf(`${headingLine}\n`);
  if (start < 0) return '';
  const level = /^#+/.exec(headingLine)![0].length;
  const rest = text.slice(start + headingLine.length + 1);
  const next = new RegExp(`^#{1,${level}} `, 'm').exec(rest);
  return next === null ? rest : rest.slice(0, next.index);
}

function ruleSection(id: string): string {
  return sectionAfter(DOCUMENT, `### \`${id}\``);
}

/** Table rows as arrays of trimmed cells (header and separator rows included). */
function tableRows(text: string): string[][] {
  return text
    .split('\n')
    .filter((line) => line.startsWith('|'))
    .map((line) =>
      line
        .split(/(?<!\\)\|/)
        .slice(1, -1)
        .map((cell) => cell.replace(/\\\|/g, '|').trim()),
    );
}

/** A household every rule can evaluate without failing input validation: one counted adult. */
function baseline(programme: Programme): { household: HouseholdInput; facts: VerifiedFacts } {
  return {
    household: household([member('m1', { ageOnCreation: 65 })], { programme }),
    facts: facts([memberFacts('m1')]),
  };
}

function tracesFor(programme: Programme) {
  const { household: h, facts: f } = baseline(programme);
  return evaluate(h, f, params()).rules;
}

describe('docs/rules.md — rule sections', () => {
  const engineIds = new Set<string>([
    ...RULE_IDS,
    ...PROGRAMMES.flatMap((p) => tracesFor(p).map((r) => r.id)),
  ]);

  it.each([...engineIds])('has a section of its own for rule %s', (id) => {
    expect(ruleSection(id)).not.toBe('');
  });

  it('has no rule section for a rule the engine does not know', () => {
    const documented = [...DOCUMENT.matchAll(/^### `([A-Z_]+)`$/gm)].map((m) => m[1]!);
    expect(documented.filter((id) => !engineIds.has(id))).toEqual([]);
    expect(new Set(documented)).toEqual(engineIds);
  });

  it.each(PROGRAMMES.flatMap((p) => [...engineIds].map((id) => [id, p] as const)))(
    'section %s states whether it applies to %s, as the engine does',
    (id, programme) => {
      const evaluated = tracesFor(programme).some((r) => r.id === id);
      const row = tableRows(ruleSection(id)).find((cells) => cells[0]!.split(/,\s*/).includes(programme));
      expect(row).toBeDefined();
      expect(row![1] === '—').toBe(!evaluated);
    },
  );

  it.each(PROGRAMMES.flatMap((p) => tracesFor(p).map((r) => [r.id, p, r.legalBasis] as const)))(
    'section %s names every instrument and article the engine cites for %s',
    (id, _programme, legalBasis) => {
      const section = ruleSection(id);
      const titles = legalBasis.match(/《[^》]+》/g) ?? [];
      const articles = legalBasis.match(/第[一二三四五六七八九十百零]+条/g) ?? [];
      expect(titles.length).toBeGreaterThan(0);
      for (const cited of [...titles, ...articles])
        expect({ id, cited, found: section.includes(cited) }).toEqual({ id, cited, found: true });
    },
  );
});

describe('docs/rules.md — policy parameters', () => {
  const section = sectionAfter(DOCUMENT, '## Policy parameters');
  const rows = new Map(
    tableRows(section)
      .filter((cells) => /^`\w+`$/.test(cells[0]!))
      .map((cells) => [cells[0]!.slice(1, -1), cells] as const),
  );
  const engineParameters = Object.entries(YONGZHOU_DEMO_PARAMETERS).filter(([name]) => name !== 'version');

  it.each(engineParameters)('documents %s with the seeded value of the code (%s)', (name, value) => {
    const cells = rows.get(name);
    expect(cells).toBeDefined();
    expect(cells!.at(-1)).toBe(String(value));
  });

  it('shows every engine parameter in the example body of POST /api/v1/policy/parameters', () => {
    const body = /```json\n(\{[\s\S]*?\n\})\n```/.exec(section);
    expect(body).not.toBeNull();
    const parsed = JSON.parse(body![1]!) as { values: Record<string, unknown> };
    for (const [name] of engineParameters) expect(Object.keys(parsed.values)).toContain(name);
  });
});

interface ExampleInput {
  household: HouseholdInput;
  facts: {
    failedSources: VerifiedFacts['failedSources'];
    members: (Partial<MemberFacts> & { memberId: string })[];
  };
}

interface WorkedExample {
  title: string;
  input: ExampleInput;
  figures: { path: string; expected: string }[];
}

function workedExamples(): WorkedExample[] {
  const section = sectionAfter(DOCUMENT, '## Worked examples');
  return section
    .split(/^### /m)
    .slice(1)
    .map((chunk) => {
      const title = chunk.slice(0, chunk.indexOf('\n'));
      const json = /```json rules-example\n([\s\S]*?)\n```/.exec(chunk);
      if (json === null) throw new Error(`worked example "${title}" has no rules-example block`);
      const figures = tableRows(chunk.slice(json.index + json[0].length))
        .filter((cells) => /^`[^`]+`$/.test(cells[0]!))
        .map((cells) => ({ path: cells[0]!.slice(1, -1), expected: cells.at(-1)! }));
      return { title, input: JSON.parse(json[1]!) as ExampleInput, figures };
    });
}

/** `a.b[0].c` and `x.length` over plain data. */
function valueAt(root: unknown, path: string): unknown {
  let value = root;
  for (const part of path.split('.').flatMap((p) => p.split(/\[(\d+)\]/).filter((s) => s !== ''))) {
    if (value === null || value === undefined) return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

/** What the document writes for a value: digits may be grouped with spaces, `null`, `—` for a rule not evaluated. */
function normalise(written: string): string {
  return /^[\d ]+$/.test(written) ? written.replace(/ /g, '') : written;
}

describe('docs/rules.md — worked examples, computed by the real engine', () => {
  const examples = workedExamples();

  it('has a worked example for every programme', () => {
    expect(new Set(examples.map((e) => e.input.household.programme))).toEqual(new Set(PROGRAMMES));
    for (const example of examples) expect(example.figures.length).toBeGreaterThan(5);
  });

  describe.each(examples.map((e) => [e.title, e] as const))('%s', (_title, example) => {
    const { household: h } = example.input;
    const f: VerifiedFacts = {
      failedSources: example.input.facts.failedSources,
      members: example.input.facts.members.map((m) => memberFacts(m.memberId, m)),
    };
    const results = {
      recommendation: evaluate(h, f, YONGZHOU_DEMO_PARAMETERS),
      assessment: assess(h, f, YONGZHOU_DEMO_PARAMETERS),
      discrepancies: findDiscrepancies(h, f, YONGZHOU_DEMO_PARAMETERS),
    };

    it.each(example.figures.map((figure) => [figure.path, figure.expected] as const))(
      '%s is %s',
      (path, expected) => {
        let actual: unknown;
        if (path.startsWith('rules.')) {
          const id = path.slice('rules.'.length);
          actual = results.recommendation.rules.find((r) => r.id === id)?.result ?? '—';
        } else {
          const [root, ...rest] = path.split('.');
          expect(Object.keys(results)).toContain(root!.replace(/\[\d+\]$/, ''));
          actual = valueAt(results, [root, ...rest].join('.'));
        }
        expect(actual === null ? 'null' : String(actual as string | number)).toBe(normalise(expected));
      },
    );
  });
});
