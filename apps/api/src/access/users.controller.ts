import { Body, Controller, Get, HttpCode, Ip, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import {
  AuthService,
  ChangePasswordDto,
  CreateUserDto,
  CurrentUser,
  Role,
  Roles,
  SetPasswordDto,
  UpdateUserDto,
  UserListDto,
  UsersService,
  UserViewDto,
  toUserView,
  type AuthUser,
  type UserView,
} from '@app/access';
import { DomainError } from '@app/common';

@ApiTags('access')
@ApiBearerAuth()
@Controller('api/v1')
export class UsersController {
  constructor(
    private readonly users: UsersService,
    private readonly auth: AuthService,
  ) {}

  @Post('users')
  @HttpCode(201)
  @Roles(Role.ADMIN)
  @ApiOperation({ summary: 'Create a user bound to one area with roles valid for its level' })
  @ApiCreatedResponse({ type: UserViewDto })
  @ApiBadRequestResponse({ description: 'Invalid body, or a role that does not fit the area’s level' })
  @ApiConflictResponse({ description: 'The username is taken' })
  create(@Body() body: CreateUserDto, @CurrentUser() admin: AuthUser, @Ip() ip: string): Promise<UserView> {
    return this.users.create(admin, body, ip);
  }

  @Get('users')
  @Roles(Role.ADMIN)
  @ApiOperation({ summary: 'List users (with `active`)' })
  @ApiOkResponse({ type: UserListDto })
  async list(): Promise<{ items: UserView[] }> {
    return { items: await this.users.list() };
  }

  @Patch('users/:id')
  @Roles(Role.ADMIN)
  @ApiOperation({
    summary: 'Change a user’s active flag, roles, area or display name (SPEC 2.3)',
    description:
      'A change of `active`, roles or area revokes every token of the user. The last active ADMIN cannot be ' +
      'deactivated or demoted (409). Audited as `user.updated`.',
  })
  @ApiOkResponse({ type: UserViewDto })
  @ApiBadRequestResponse({ description: 'Invalid body, or roles that do not fit the area’s level' })
  @ApiNotFoundResponse({ description: 'No such user' })
  @ApiConflictResponse({ description: 'It would leave no active ADMIN' })
  update(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: UpdateUserDto,
    @CurrentUser() admin: AuthUser,
    @Ip() ip: string,
  ): Promise<UserView> {
    return this.users.update(admin, id, body, ip);
  }

  @Post('users/:id/password')
  @HttpCode(204)
  @Roles(Role.ADMIN)
  @ApiOperation({
    summary: 'Set a user’s password (SPEC 2.3); revokes every token of the user',
    description: 'Audited as `user.password-reset`, without the password.',
  })
  @ApiNoContentResponse({ description: 'The password is set' })
  @ApiBadRequestResponse({ description: 'The password is shorter than 12 characters' })
  @ApiNotFoundResponse({ description: 'No such user' })
  async resetPassword(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: SetPasswordDto,
    @CurrentUser() admin: AuthUser,
    @Ip() ip: string,
  ): Promise<void> {
    await this.users.setPassword(admin, id, body.password, 'user.password-reset', ip);
  }

  @Get('me')
  @Roles(...Object.values(Role))
  @ApiOperation({ summary: 'The caller' })
  @ApiOkResponse({ type: UserViewDto })
  async me(@CurrentUser() caller: AuthUser): Promise<UserView> {
    const user = await this.users.findById(caller.id);
    if (!user) throw DomainError.notFound('User');
    return toUserView(user);
  }

  @Post('me/password')
  @HttpCode(204)
  @Roles(...Object.values(Role))
  @ApiOperation({
    summary: 'Change the caller’s own password (SPEC 2.3); revokes every token of the caller',
    description: 'Audited as `user.password-changed`, without either password. Throttled like a login.',
  })
  @ApiNoContentResponse({ description: 'The password is changed; log in again' })
  @ApiBadRequestResponse({ description: 'The current password is wrong, or the new one is too short' })
  @ApiTooManyRequestsResponse({ description: 'Too many wrong current passwords' })
  async changePassword(
    @Body() body: ChangePasswordDto,
    @CurrentUser() caller: AuthUser,
    @Ip() ip: string,
  ): Promise<void> {
    await this.auth.changeOwnPassword(caller, body.currentPassword, body.newPassword, ip);
  }
}
