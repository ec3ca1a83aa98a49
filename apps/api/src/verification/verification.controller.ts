import { Controller, Get, HttpCode, Ip, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Role, Roles, type AuthUser } from '@app/access';
import { ApplicationsService, type ApplicationView } from '@app/applications';
import {
  SOURCE_READER_ROLES,
  VerificationQueryService,
  type SourcesView,
  type VerificationRunView,
} from '@app/verification';
import { ApplicationViewDto } from '../applications/application-response.dto';
import { VerificationRunViewDto } from './verification-response.dto';

const ALL_ROLES = Object.values(Role);

/** SPEC 3.2 / 5.3: a case's verification run, its raw source answers, and re-verification. */
@ApiTags('verification')
@ApiBearerAuth()
@Controller('api/v1/applications')
export class VerificationController {
  constructor(
    private readonly verification: VerificationQueryService,
    private readonly applications: ApplicationsService,
  ) {}

  @Get(':id/verification')
  @Roles(...ALL_ROLES)
  @ApiOperation({
    summary: 'The latest verification run: per-source check states, report and recommendation',
  })
  @ApiOkResponse({ type: VerificationRunViewDto })
  run(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Ip() ip: string,
  ): Promise<VerificationRunView> {
    return this.verification.runView(user, id, ip);
  }

  @Get(':id/verification/sources')
  @Roles(...SOURCE_READER_ROLES)
  @ApiOperation({ summary: 'The normalised source answers of the latest run, ID numbers masked (audited)' })
  sources(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Ip() ip: string,
  ): Promise<SourcesView> {
    return this.verification.sourcesView(user, id, ip);
  }

  @Post(':id/reverify')
  @HttpCode(200)
  @Roles(Role.TOWNSHIP_REVIEWER, Role.VERIFICATION_OFFICER)
  @ApiOperation({ summary: 'Start a new verification run (from VERIFIED or AWAITING_COUNTY_DECISION)' })
  @ApiOkResponse({ type: ApplicationViewDto })
  reverify(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Ip() ip: string,
  ): Promise<ApplicationView> {
    return this.applications.reverify(user, id, ip);
  }
}
