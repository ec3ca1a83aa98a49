import type { ValidationError } from 'class-validator';
import type { FieldProblem } from './domain-error';
import { sanitizedPath } from './hostile-input';

/**
 * Flattens class-validator's tree into one entry per problem with a path like `members[1].idNumber`. Paths are
 * sanitized: an unknown key that is not a plain identifier (an ID number, a name) is reported as `<key>`.
 */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldProblem[] {
  return flatten(errors, parent).map((problem) => ({ ...problem, path: sanitizedPath(problem.path) }));
}

function flatten(errors: ValidationError[], parent: string): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const error of errors) {
    const isIndex = /^\d+$/.test(error.property);
    const path = isIndex
      ? `${parent}[${error.property}]`
      : parent
        ? `${parent}.${error.property}`
        : error.property;
    for (const message of Object.values(error.constraints ?? {})) {
      // class-validator's messages start with the property name; an unknown one may be anything a caller sent.
      problems.push({ path, message: /should not exist$/.test(message) ? 'unknown field' : message });
    }
    if (error.children?.length) problems.push(...flatten(error.children, path));
  }
  return problems;
}

/** Today's date in China (UTC+8, no daylight saving), as YYYY-MM-DD: "not in the future" means this calendar. */
export function todayInChina(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 3600 * 1000).toISOString().slice(0, 10);
}

/** True for a real calendar date written YYYY-MM-DD. */
export function isRealDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}
