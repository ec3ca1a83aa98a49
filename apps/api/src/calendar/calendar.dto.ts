import { ApiProperty } from '@nestjs/swagger';
import type { CalendarYearInput, CalendarYearSummary, CalendarYearView } from '@app/calendar';

// OpenAPI shapes only: CalendarService validates the raw body in full and lists every problem at once.

/** Body of `PUT /api/v1/calendar/{year}` (SPEC 4). */
export class PutCalendarYearDto implements CalendarYearInput {
  @ApiProperty({
    description:
      'Days off of that year (weekends inside a break included), each a real date in the year, none twice.',
    type: [String],
    format: 'date',
    minItems: 1,
    maxItems: 366,
    example: ['2027-01-01', '2027-02-06', '2027-02-07'],
  })
  holidays!: string[];

  @ApiProperty({
    description:
      'Make-up working days (调休上班): Saturdays or Sundays of that year worked instead; never also a holiday.',
    type: [String],
    format: 'date',
    maxItems: 366,
    example: ['2027-02-14'],
  })
  workdays!: string[];

  @ApiProperty({
    description: 'The State Council notice the arrangement comes from.',
    minLength: 1,
    maxLength: 500,
    example: '国务院办公厅关于2027年部分节假日安排的通知 (国办发明电〔2026〕7号)',
  })
  source!: string;
}

export class CalendarYearDto implements CalendarYearView {
  @ApiProperty({ example: 2027 })
  year!: number;

  @ApiProperty({ type: [String], format: 'date', description: 'Days off, sorted.' })
  holidays!: string[];

  @ApiProperty({ type: [String], format: 'date', description: 'Make-up working days on weekends, sorted.' })
  workdays!: string[];

  @ApiProperty({ example: '国务院办公厅关于2027年部分节假日安排的通知 (国办发明电〔2026〕7号)' })
  source!: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;

  @ApiProperty({
    type: String,
    nullable: true,
    description:
      'Username of the administrator who loaded it; null for a year seeded from the shipped data file.',
    example: 'admin',
  })
  updatedBy!: string | null;
}

export class CalendarYearSummaryDto implements CalendarYearSummary {
  @ApiProperty({ example: 2026 })
  year!: number;

  @ApiProperty()
  source!: string;

  @ApiProperty({ example: 25 })
  holidayCount!: number;

  @ApiProperty({ example: 6 })
  workdayCount!: number;

  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;

  @ApiProperty({ type: String, nullable: true, example: 'admin' })
  updatedBy!: string | null;
}

export class CalendarYearListDto {
  @ApiProperty({ type: [CalendarYearSummaryDto], description: 'Every stored year, oldest first.' })
  years!: CalendarYearSummaryDto[];

  @ApiProperty({
    description:
      'Seconds within which a change reaches every api and worker process (CALENDAR_REFRESH_INTERVAL).',
    example: 10,
  })
  refreshSeconds!: number;
}
