import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The years the project shipped in `libs/calendar/data/holidays-cn.json` when this migration was written, inlined so
 * the migration never changes when the data file does (a later year is loaded with `PUT /api/v1/calendar/{year}`).
 */
const SEEDED_YEARS: { year: number; source: string; holidays: string[]; workdays: string[] }[] = [
  {
    year: 2025,
    source: '国务院办公厅关于2025年部分节假日安排的通知 (国办发明电〔2024〕12号)',
    holidays: [
      '2025-01-01',
      '2025-01-28',
      '2025-01-29',
      '2025-01-30',
      '2025-01-31',
      '2025-02-01',
      '2025-02-02',
      '2025-02-03',
      '2025-02-04',
      '2025-04-04',
      '2025-04-05',
      '2025-04-06',
      '2025-05-01',
      '2025-05-02',
      '2025-05-03',
      '2025-05-04',
      '2025-05-05',
      '2025-05-31',
      '2025-06-01',
      '2025-06-02',
      '2025-10-01',
      '2025-10-02',
      '2025-10-03',
      '2025-10-04',
      '2025-10-05',
      '2025-10-06',
      '2025-10-07',
      '2025-10-08',
    ],
    workdays: ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11'],
  },
  {
    year: 2026,
    source: '国务院办公厅关于2026年部分节假日安排的通知 (2025-11-04)',
    holidays: [
      '2026-01-01',
      '2026-01-02',
      '2026-01-03',
      '2026-02-15',
      '2026-02-16',
      '2026-02-17',
      '2026-02-18',
      '2026-02-19',
      '2026-02-20',
      '2026-02-21',
      '2026-02-22',
      '2026-02-23',
      '2026-04-04',
      '2026-04-05',
      '2026-04-06',
      '2026-05-01',
      '2026-05-02',
      '2026-05-03',
      '2026-05-04',
      '2026-05-05',
      '2026-06-19',
      '2026-06-20',
      '2026-06-21',
      '2026-09-25',
      '2026-09-26',
      '2026-09-27',
      '2026-10-01',
      '2026-10-02',
      '2026-10-03',
      '2026-10-04',
      '2026-10-05',
      '2026-10-06',
      '2026-10-07',
    ],
    workdays: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
  },
];

/**
 * SPEC 4: the working-day calendar in the database, one row per year (holidays and make-up working days with the
 * State Council notice they come from), loaded by an administrator each November with `PUT /api/v1/calendar/{year}`.
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
    for (const seeded of SEEDED_YEARS)
      await q.query(
        `INSERT INTO working_calendar_years (year, holidays, workdays, source) VALUES ($1, $2::date[], $3::date[], $4)`,
        [seeded.year, seeded.holidays, seeded.workdays, seeded.source],
      );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE working_calendar_years`);
  }
}
