import { Body, Controller, Get, Ip, Param, Put } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiBody,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentUser, Role, Roles, type AuthUser } from '@app/access';
import { CalendarService, type CalendarYearView } from '@app/calendar';
import { CalendarYearDto, CalendarYearListDto, PutCalendarYearDto } from './calendar.dto';

const YEAR_PARAM = {
  name: 'year',
  description: 'A year from 2000 to 2100, four digits.',
  example: '2027',
  schema: { type: 'string', pattern: '^\\d{4}$' },
} as const;

@ApiTags('calendar')
@ApiBearerAuth()
@Controller('api/v1/calendar')
export class CalendarController {
  constructor(private readonly calendar: CalendarService) {}

  @Get()
  @Roles(...Object.values(Role))
  @ApiOperation({ summary: 'The years of the working-day calendar that are loaded (SPEC 4)' })
  @ApiOkResponse({ type: CalendarYearListDto })
  async list(): Promise<CalendarYearListDto> {
    return { years: await this.calendar.list(), refreshSeconds: this.calendar.refreshSeconds };
  }

  @Get(':year')
  @Roles(...Object.values(Role))
  @ApiOperation({ summary: 'One year of the working-day calendar: holidays, make-up working days, source' })
  @ApiParam(YEAR_PARAM)
  @ApiOkResponse({ type: CalendarYearDto })
  @ApiNotFoundResponse({ description: 'No calendar is loaded for that year' })
  @ApiBadRequestResponse({ description: 'Not a year from 2000 to 2100' })
  get(@Param('year') year: string): Promise<CalendarYearView> {
    return this.calendar.get(year);
  }

  @Put(':year')
  @Roles(Role.ADMIN)
  @ApiOperation({
    summary: 'Load or replace a year of the working-day calendar (ADMIN; audited)',
    description:
      'Deadlines use it at once in this process and within CALENDAR_REFRESH_INTERVAL (default 10 s) in every other.',
  })
  @ApiParam(YEAR_PARAM)
  @ApiBody({ type: PutCalendarYearDto })
  @ApiOkResponse({ type: CalendarYearDto })
  @ApiBadRequestResponse({ description: 'Every problem of the year and the body, each with its path' })
  @ApiForbiddenResponse({ description: 'Not an administrator' })
  // `unknown` skips the DTO pipe: CalendarService validates the raw body, unknown fields included.
  put(
    @Param('year') year: string,
    @Body() body: unknown,
    @CurrentUser() admin: AuthUser,
    @Ip() ip: string,
  ): Promise<CalendarYearView> {
    return this.calendar.put(admin, year, body, ip);
  }
}
