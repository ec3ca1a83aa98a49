import {
  Inject,
  Injectable,
  Logger,
  Optional,
  type OnModuleDestroy,
  type OnModuleInit,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { actorOf, Role, type AuthUser } from '@app/access';
import { AuditService } from '@app/audit';
import { DomainError } from '@app/common';
import { appConfig, type AppConfigType } from '@app/config';
import { runInTransaction } from '@app/database';
import { CalendarRepository, type CalendarYearRow } from './calendar.repository';
import { calendarYearProblem, validateCalendarYear } from './calendar-year-validation';
import { defaultCalendar, WorkingCalendar, type HolidayData } from './working-calendar';

/** One stored year of the working-day calendar (SPEC 4). */
export interface CalendarYearView {
  year: number;
  /** Days off, weekends inside a break included, sorted. */
  holidays: string[];
  /** Make-up working days (调休上班) on weekends, sorted. */
  workdays: string[];
  /** The State Council notice the arrangement comes from. */
  source: string;
  updatedAt: string;
  /** The administrator who loaded it; null for a year seeded from the shipped data file. */
  updatedBy: string | null;
}

export interface CalendarYearSummary {
  year: number;
  source: string;
  holidayCount: number;
  workdayCount: number;
  updatedAt: string;
  updatedBy: string | null;
}

function toView(row: CalendarYearRow): CalendarYearView {
  return {
    year: row.year,
    holidays: [...row.holidays].sort(),
    workdays: [...row.workdays].sort(),
    source: row.source,
    updatedAt: row.updated_at.toISOString(),
    updatedBy: row.updated_by_username,
  };
}

/** What changed between two lists of dates, for the audit entry. */
function diff(before: readonly string[], after: readonly string[]): { added: string[]; removed: string[] } {
  const old = new Set(before);
  const now = new Set(after);
  return { added: after.filter((d) => !old.has(d)), removed: before.filter((d) => !now.has(d)) };
}

/**
 * The working-day calendar stored in PostgreSQL (SPEC 4). Deadlines are computed on every application view and
 * create, so they read {@link current}, an in-memory snapshot, and never wait for the database. The snapshot is
 * reloaded when this process stores a year and every `CALENDAR_REFRESH_INTERVAL` (default 10 s) otherwise, so a change
 * made through another api process reaches this one within that interval.
 */
@Injectable()
export class CalendarService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(CalendarService.name);
  private snapshot: WorkingCalendar = defaultCalendar();
  private signature = '';
  private timer: NodeJS.Timeout | undefined;
  private refreshing: Promise<void> | undefined;
  /** Loads may overlap (a tick and a PUT): only one issued later than the applied one may replace the snapshot. */
  private loadsIssued = 0;
  private loadApplied = 0;
  private readonly refreshMs: number;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: CalendarRepository,
    private readonly audit: AuditService,
    @Optional() @Inject(appConfig.KEY) config?: AppConfigType,
  ) {
    this.refreshMs = Math.max(1, config?.calendarRefreshSeconds ?? 10) * 1000;
  }

  async onModuleInit(): Promise<void> {
    await this.refresh();
    this.timer = setInterval(() => void this.refresh(), this.refreshMs);
    // The timer alone never keeps a process alive.
    this.timer.unref();
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** The calendar deadlines are computed on: the stored years, as of the last reload. */
  current(): WorkingCalendar {
    return this.snapshot;
  }

  /** How long a change may take to reach another process (the reload interval), in seconds. */
  get refreshSeconds(): number {
    return this.refreshMs / 1000;
  }

  /**
   * Reloads the stored years. Until the first successful load (e.g. the table is not migrated yet) the shipped data
   * file stands in; a failed reload keeps the last snapshot and tries again at the next tick.
   */
  refresh(): Promise<void> {
    this.refreshing ??= this.load().finally(() => (this.refreshing = undefined));
    return this.refreshing;
  }

  private async load(): Promise<void> {
    const issued = ++this.loadsIssued;
    let rows: CalendarYearRow[];
    try {
      rows = await this.repository.findAll();
    } catch (error) {
      this.logger.warn(`Could not reload the working-day calendar: ${(error as Error).message}`);
      return;
    }
    const data: HolidayData = {
      years: Object.fromEntries(
        rows.map((r) => [String(r.year), { holidays: r.holidays, workdays: r.workdays }]),
      ),
    };
    if (issued < this.loadApplied) return;
    this.loadApplied = issued;
    // Rebuilt only when something changed, so a missing year is warned about once per change, not per tick.
    const signature = JSON.stringify(data);
    if (signature === this.signature) return;
    this.signature = signature;
    this.snapshot = new WorkingCalendar(data);
  }

  /** `GET /api/v1/calendar`: every stored year, oldest first, without its dates. */
  async list(): Promise<CalendarYearSummary[]> {
    const rows = await this.repository.findAll();
    return rows.map((r) => ({
      year: r.year,
      source: r.source,
      holidayCount: r.holidays.length,
      workdayCount: r.workdays.length,
      updatedAt: r.updated_at.toISOString(),
      updatedBy: r.updated_by_username,
    }));
  }

  /** `GET /api/v1/calendar/{year}`: a year with no stored calendar is not found. */
  async get(year: string): Promise<CalendarYearView> {
    const problem = calendarYearProblem(year);
    if (problem) throw DomainError.validation([problem]);
    const row = await this.repository.findYear(Number(year));
    if (!row) throw DomainError.notFound(`Calendar of ${year}`);
    return toView(row);
  }

  /**
   * `PUT /api/v1/calendar/{year}` (ADMIN): stores a year's arrangement, replacing any earlier one, with its audit
   * entry in the same transaction; every problem of the request is listed at once and nothing is stored.
   */
  async put(actor: AuthUser, year: string, body: unknown, ip?: string | null): Promise<CalendarYearView> {
    if (!actor.roles.includes(Role.ADMIN)) throw DomainError.forbidden();
    const validation = validateCalendarYear(year, body);
    if (!validation.ok) throw DomainError.validation(validation.problems);
    const { value } = validation;

    const stored = await runInTransaction(this.dataSource, async (tx) => {
      const before = await this.repository.lockYear(tx, validation.year);
      const row = await this.repository.replaceYear(
        tx,
        { year: validation.year, ...value },
        { id: actor.id, username: actor.username },
      );
      const previous = before ? toView(before) : null;
      await this.audit.append(tx, {
        action: 'calendar.updated',
        actor: actorOf(actor, Role.ADMIN),
        areaCode: actor.areaCode,
        detail: {
          year: validation.year,
          source: value.source,
          holidays: value.holidays,
          workdays: value.workdays,
          // What the load changed; null when the year had no calendar before.
          changes: previous && {
            previousSource: previous.source,
            holidays: diff(previous.holidays, value.holidays),
            workdays: diff(previous.workdays, value.workdays),
          },
        },
        ip: ip ?? null,
      });
      return toView(row);
    });
    // This process uses the new calendar at once (a load issued after the commit); the others at their next reload.
    await this.load();
    return stored;
  }
}
