import { Body, Controller, HttpCode, Ip, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import {
  AuthService,
  CurrentUser,
  LoginDto,
  LoginResponseDto,
  Public,
  Role,
  Roles,
  type AuthUser,
  type LoginResult,
} from '@app/access';

@ApiTags('access')
@Controller('api/v1/auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('login')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Exchange a username and password for a bearer token (SPEC 2.3)' })
  @ApiOkResponse({ type: LoginResponseDto })
  @ApiUnauthorizedResponse({ description: 'Wrong username or password, or an inactive user' })
  @ApiTooManyRequestsResponse({ description: 'Too many failed logins for this username or address' })
  login(@Body() body: LoginDto, @Ip() ip: string): Promise<LoginResult> {
    return this.auth.login(body.username, body.password, ip);
  }

  @Post('logout')
  @HttpCode(204)
  @Roles(...Object.values(Role))
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'Revoke every token of the caller (SPEC 2.3)',
    description: 'Audited as `auth.logout`.',
  })
  @ApiNoContentResponse({ description: 'Every token issued to the caller so far stops working' })
  @ApiUnauthorizedResponse({ description: 'No valid token' })
  async logout(@CurrentUser() caller: AuthUser, @Ip() ip: string): Promise<void> {
    await this.auth.logout(caller, ip);
  }
}
