import { ValidateBy, type ValidationOptions } from 'class-validator';

/**
 * The last page a list accepts (SPEC 10: hostile parameters). `page=1e308` is an integer to JavaScript; an offset
 * that large would reach PostgreSQL as an out-of-range bigint. 10 000 pages of 200 rows is more than any screen needs.
 */
export const MAX_PAGE = 10_000;

/** Instants a filter may name: PostgreSQL's timestamptz and JavaScript's Date both hold these without surprises. */
export const EARLIEST_INSTANT = '1970-01-01T00:00:00.000Z';
export const LATEST_INSTANT = '2100-12-31T23:59:59.999Z';

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/** True for an ISO-8601 date or date-time that names a real instant between 1970 and 2100. */
export function isBoundedInstant(value: unknown): boolean {
  if (typeof value !== 'string' || !ISO_INSTANT.test(value)) return false;
  const time = Date.parse(value);
  if (Number.isNaN(time)) return false;
  // Date.parse rolls 2026-02-30 over to March: the date part must survive the round trip.
  const datePart = value.slice(0, 10);
  if (value.length === 10 && new Date(time).toISOString().slice(0, 10) !== datePart) return false;
  if (!isRealCalendarDate(datePart)) return false;
  return time >= Date.parse(EARLIEST_INSTANT) && time <= Date.parse(LATEST_INSTANT);
}

function isRealCalendarDate(value: string): boolean {
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** An ISO-8601 instant (or date) between 1970 and 2100; anything else is a 400 that does not echo the value. */
export function IsBoundedInstant(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isBoundedInstant',
      validator: {
        validate: (value) => isBoundedInstant(value),
        defaultMessage: (args) =>
          `${args?.property ?? 'value'} must be an ISO-8601 instant between 1970 and 2100`,
      },
    },
    options,
  );
}
