import {
  Body,
  Controller,
  Delete,
  Get,
  Headers,
  HttpCode,
  Ip,
  Param,
  ParseUUIDPipe,
  Post,
  Put,
  Query,
} from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Role, Roles, type AuthUser } from '@app/access';
import {
  ApplicationsService,
  AuthorizationDto,
  CreateApplicationDto,
  ListApplicationsQuery,
  WithdrawDto,
  type ApplicationView,
} from '@app/applications';
import { DomainError } from '@app/common';

const ALL_ROLES = Object.values(Role);

@ApiTags('applications')
@ApiBearerAuth()
@Controller('api/v1/applications')
export class ApplicationsController {
  constructor(private readonly applications: ApplicationsService) {}

  @Post()
  @HttpCode(201)
  @Roles(Role.STATION_OPERATOR, Role.INTEGRATION)
  @ApiOperation({ summary: 'Submit a household application (SPEC 3.1)' })
  @ApiBody({ type: CreateApplicationDto })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: '1–128 characters' })
  async create(
    @CurrentUser() user: AuthUser,
    @Body() body: unknown,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Ip() ip: string,
  ): Promise<ApplicationView> {
    if (idempotencyKey !== undefined && (idempotencyKey.length < 1 || idempotencyKey.length > 128)) {
      throw DomainError.validation([{ path: 'Idempotency-Key', message: 'must be 1–128 characters' }]);
    }
    return (await this.applications.create(user, body, idempotencyKey, ip)).view;
  }

  @Get()
  @Roles(...ALL_ROLES)
  @ApiOperation({ summary: 'List applications in the caller’s scope, newest first (audited)' })
  list(@CurrentUser() user: AuthUser, @Query() query: ListApplicationsQuery, @Ip() ip: string) {
    return this.applications.list(user, query, ip);
  }

  @Get(':id')
  @Roles(...ALL_ROLES)
  @ApiOperation({ summary: 'The application view (every read is audited)' })
  view(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Ip() ip: string,
  ): Promise<ApplicationView> {
    return this.applications.view(user, id, ip);
  }

  @Put(':id/members/:memberId/authorization')
  @Roles(Role.STATION_OPERATOR)
  @ApiOperation({ summary: 'Record or replace a member’s authorisation' })
  @ApiBody({ type: AuthorizationDto })
  recordAuthorization(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('memberId', ParseUUIDPipe) memberId: string,
    @Body() body: unknown,
    @Ip() ip: string,
  ): Promise<ApplicationView> {
    return this.applications.recordAuthorization(user, id, memberId, body, ip);
  }

  @Delete(':id/members/:memberId/authorization')
  @Roles(Role.STATION_OPERATOR)
  @ApiOperation({ summary: 'Revoke a member’s authorisation (pending checks are cancelled)' })
  revokeAuthorization(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('memberId', ParseUUIDPipe) memberId: string,
    @Ip() ip: string,
  ): Promise<ApplicationView> {
    return this.applications.revokeAuthorization(user, id, memberId, ip);
  }

  @Post(':id/withdraw')
  @HttpCode(200)
  @Roles(Role.STATION_OPERATOR)
  @ApiOperation({ summary: 'Withdraw the application' })
  withdraw(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: WithdrawDto,
    @Ip() ip: string,
  ): Promise<ApplicationView> {
    return this.applications.withdraw(user, id, body.reason, ip);
  }
}
