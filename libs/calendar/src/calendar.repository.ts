import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Tx } from '@app/database';

/** One stored year of `working_calendar_years`. */
export interface CalendarYearRow {
  year: number;
  holidays: string[];
  workdays: string[];
  source: string;
  updated_at: Date;
  updated_by_username: string | null;
}

// Dates as text: node-postgres would turn a date[] into JavaScript Dates at local midnight.
const SELECT_YEARS = `SELECT year, holidays::text[] AS holidays, workdays::text[] AS workdays, source, updated_at,
                             updated_by_username
                        FROM working_calendar_years`;

/** The working-day calendar's table (SPEC 4): one row per year. */
@Injectable()
export class CalendarRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Every stored year, oldest first. */
  findAll(): Promise<CalendarYearRow[]> {
    return this.dataSource.query<CalendarYearRow[]>(`${SELECT_YEARS} ORDER BY year`);
  }

  async findYear(year: number): Promise<CalendarYearRow | null> {
    const [row] = await this.dataSource.query<CalendarYearRow[]>(`${SELECT_YEARS} WHERE year = $1`, [year]);
    return row ?? null;
  }

  /** The stored year, locked until the transaction ends (a concurrent load of the same year waits). */
  async lockYear(tx: Tx, year: number): Promise<CalendarYearRow | null> {
    const [row] = await tx.query<CalendarYearRow[]>(`${SELECT_YEARS} WHERE year = $1 FOR UPDATE`, [year]);
    return row ?? null;
  }

  /** Stores a year's arrangement, replacing the earlier one. */
  async replaceYear(
    tx: Tx,
    year: { year: number; holidays: string[]; workdays: string[]; source: string },
    by: { id: string; username: string },
  ): Promise<CalendarYearRow> {
    const [row] = await tx.query<CalendarYearRow[]>(
      `INSERT INTO working_calendar_years AS c
              (year, holidays, workdays, source, updated_by, updated_by_username, updated_at)
       VALUES ($1, $2::date[], $3::date[], $4, $5, $6, now())
       ON CONFLICT (year) DO UPDATE
          SET holidays = EXCLUDED.holidays, workdays = EXCLUDED.workdays, source = EXCLUDED.source,
              updated_by = EXCLUDED.updated_by, updated_by_username = EXCLUDED.updated_by_username,
              updated_at = EXCLUDED.updated_at
       RETURNING year, holidays::text[] AS holidays, workdays::text[] AS workdays, source, updated_at,
                 updated_by_username`,
      [year.year, year.holidays, year.workdays, year.source, by.id, by.username],
    );
    return row!;
  }
}
