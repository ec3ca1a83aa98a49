import { Body, Controller, Get, HttpCode, Ip, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  CreateUserDto,
  CurrentUser,
  Role,
  Roles,
  UsersService,
  type AuthUser,
  type UserView,
} from '@app/access';
import { DomainError } from '@app/common';
import { UserListDto, UserViewDto } from './access-response.dto';

@ApiTags('access')
@ApiBearerAuth()
@Controller('api/v1')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Post('users')
  @HttpCode(201)
  @Roles(Role.ADMIN)
  @ApiOperation({ summary: 'Create a user bound to one area with roles valid for its level' })
  @ApiCreatedResponse({ type: UserViewDto })
  create(@Body() body: CreateUserDto, @CurrentUser() admin: AuthUser, @Ip() ip: string): Promise<UserView> {
    return this.users.create(admin, body, ip);
  }

  @Get('users')
  @Roles(Role.ADMIN)
  @ApiOperation({ summary: 'List users' })
  @ApiOkResponse({ type: UserListDto })
  async list(): Promise<{ items: UserView[] }> {
    return { items: await this.users.list() };
  }

  @Get('me')
  @Roles(...Object.values(Role))
  @ApiOperation({ summary: 'The caller' })
  @ApiOkResponse({ type: UserViewDto })
  async me(@CurrentUser() caller: AuthUser): Promise<UserView> {
    const user = await this.users.findById(caller.id);
    if (!user) throw DomainError.notFound('User');
    const { passwordHash: _hidden, ...view } = user;
    return { ...view, createdAt: user.createdAt.toISOString() };
  }
}
