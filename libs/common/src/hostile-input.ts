import type { FieldProblem } from './domain-error';

/** Deepest JSON nesting a request body, query or job may have; the platform's own bodies need fewer than 6. */
export const MAX_JSON_DEPTH = 32;

/**
 * C0 controls other than tab, line feed and carriage return, DEL, C1 controls, and lone UTF-16 surrogates: PostgreSQL
 * refuses U+0000 and unpaired surrogates outright, and the others have no place in a name, an address or a key.
 */
const FORBIDDEN_CHARACTERS =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function hasForbiddenCharacters(value: string): boolean {
  return FORBIDDEN_CHARACTERS.test(value);
}

const PLAIN_SEGMENT = /^[A-Za-z_$][\w$-]{0,63}$/;
const INDEX_SEGMENT = /^\d{1,6}$/;

/**
 * A problem path made only of plain identifiers and array indexes. A segment that comes from a caller's own key and
 * is anything else (an ID number, a name, control characters) is replaced by `<key>`: an error never echoes input.
 */
export function sanitizedPath(path: string): string {
  if (path === '') return '';
  return path.replace(/[^.[\]]+/g, (segment) =>
    PLAIN_SEGMENT.test(segment) || INDEX_SEGMENT.test(segment) ? segment : '<key>',
  );
}

export function sanitizedProblem(problem: FieldProblem): FieldProblem {
  return { path: sanitizedPath(problem.path), message: problem.message };
}

function join(parent: string, key: string | number): string {
  if (typeof key === 'number') return `${parent}[${key}]`;
  const segment = PLAIN_SEGMENT.test(key) ? key : '<key>';
  return parent ? `${parent}.${segment}` : segment;
}

/**
 * Walks a parsed JSON value (iteratively: a deep value cannot overflow the stack) and lists what the platform
 * refuses before any validator sees it: nesting deeper than `maxDepth`, and forbidden characters in a key or a
 * string. At most `limit` problems; paths are sanitized.
 */
export function hostileJsonProblems(
  value: unknown,
  root: string,
  maxDepth = MAX_JSON_DEPTH,
  limit = 50,
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const stack: { value: unknown; path: string; depth: number }[] = [{ value, path: root, depth: 0 }];
  while (stack.length > 0 && problems.length < limit) {
    const item = stack.pop()!;
    const current = item.value;
    if (typeof current === 'string') {
      if (hasForbiddenCharacters(current))
        problems.push({ path: item.path, message: 'must not contain control characters' });
      continue;
    }
    if (typeof current !== 'object' || current === null) continue;
    if (item.depth >= maxDepth) {
      problems.push({ path: item.path, message: `nesting deeper than ${maxDepth} levels is refused` });
      continue;
    }
    if (Array.isArray(current)) {
      for (let i = current.length - 1; i >= 0; i--)
        stack.push({ value: current[i], path: join(item.path, i), depth: item.depth + 1 });
      continue;
    }
    for (const [key, child] of Object.entries(current as Record<string, unknown>)) {
      if (hasForbiddenCharacters(key)) {
        problems.push({
          path: join(item.path, '<key>'),
          message: 'keys must not contain control characters',
        });
        continue;
      }
      stack.push({ value: child, path: join(item.path, key), depth: item.depth + 1 });
    }
  }
  return problems;
}
