import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Where the shipped calendar lives, relative to the project root (the directory holding package.json). */
const DATA_FILE = join('libs', 'calendar', 'data', 'holidays-cn.json');

interface ShippedCalendar {
  sources?: Record<string, string>;
  years: Record<string, { holidays: string[]; workdays: string[] }>;
}

/** Reads the data file from the sources (Jest, ts) and from dist/ alike: the nearest package.json above is the root. */
function shippedCalendar(): ShippedCalendar {
  for (let dir = __dirname; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) {
      return JSON.parse(readFileSync(join(dir, DATA_FILE), 'utf8')) as ShippedCalendar;
    }
    if (dirname(dir) === dir) throw new Error(`No package.json above ${__dirname}`);
  }
}

/**
 * SPEC 4: the working-day calendar in the database, one row per year (holidays and make-up working days with the
 * State Council notice they come from), loaded by an administrator each November with `PUT /api/v1/calendar/{year}`.
 * Seeded here from the shipped data file, so a new installation knows every year the project knew when it was built.
 */
export class CreateWorkingCalendar1765200000000 implements MigrationInterface {
  name = 'CreateWorkingCalendar1765200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE working_calendar_years (
        year integer PRIMARY KEY CONSTRAINT ck_working_calendar_years_year CHECK (year BETWEEN 2000 AND 2100),
        holidays date[] NOT NULL,
        workdays date[] NOT NULL,
        source text NOT NULL,
        updated_by uuid,
        updated_by_username text,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    const data = shippedCalendar();
    for (const [year, entry] of Object.entries(data.years)) {
      await q.query(
        `INSERT INTO working_calendar_years (year, holidays, workdays, source)
         VALUES ($1, $2::date[], $3::date[], $4)`,
        [
          Number(year),
          entry.holidays,
          entry.workdays,
          data.sources?.[year] ?? `shipped data file ${DATA_FILE.replaceAll('\\', '/')}`,
        ],
      );
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE working_calendar_years`);
  }
}
