import { Body, Controller, Get, HttpCode, Ip, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentUser, Role, Roles, type AuthUser } from '@app/access';
import { PolicyService, type EffectivePolicyView, type PolicyVersionView } from '@app/policy';
import {
  AddPolicyVersionDto,
  EffectivePolicyDto,
  PolicyVersionDto,
  PolicyVersionListDto,
} from './policy.dto';
import { EffectivePolicyQueryDto, PolicyVersionsQueryDto } from './policy-query.dto';

@ApiTags('policy')
@ApiBearerAuth()
@Controller('api/v1/policy')
export class PolicyController {
  constructor(private readonly policy: PolicyService) {}

  @Get('parameters')
  @Roles(...Object.values(Role))
  @ApiOperation({
    summary: 'The policy parameters effective for an area on a date (SPEC 6.1)',
    description: 'Any area inside the caller’s scope, or one of the caller’s own ancestors.',
  })
  @ApiOkResponse({ type: EffectivePolicyDto })
  @ApiNotFoundResponse({
    description: 'Outside the caller’s scope, an unknown area, or no version effective yet',
  })
  get(
    @Query() query: EffectivePolicyQueryDto,
    @CurrentUser() user: AuthUser,
    @Ip() ip: string,
  ): Promise<EffectivePolicyView> {
    return this.policy.effectiveForCaller(user, query.areaCode, query.on, ip);
  }

  @Get('versions')
  @Roles(...Object.values(Role))
  @ApiOperation({
    summary: 'The history of versions that govern an area (its own, its county’s, its city’s), newest first',
    description: 'Any area inside the caller’s scope, or one of the caller’s own ancestors.',
  })
  @ApiOkResponse({ type: PolicyVersionListDto })
  @ApiNotFoundResponse({ description: 'Outside the caller’s scope, or an unknown area' })
  async versions(
    @Query() query: PolicyVersionsQueryDto,
    @CurrentUser() user: AuthUser,
    @Ip() ip: string,
  ): Promise<PolicyVersionListDto> {
    return { items: await this.policy.versionsForCaller(user, query.areaCode, ip) };
  }

  @Post('parameters')
  @HttpCode(201)
  @Roles(Role.ADMIN)
  @ApiOperation({
    summary: 'Add a new version of a city’s or county’s policy parameters with its legal basis',
  })
  @ApiBody({ type: AddPolicyVersionDto })
  @ApiCreatedResponse({ type: PolicyVersionDto })
  @ApiConflictResponse({ description: 'The area already has a version effective on that date' })
  // `unknown` skips the DTO pipe: PolicyService validates the raw body, nested and unknown fields included.
  add(@Body() body: unknown, @CurrentUser() admin: AuthUser, @Ip() ip: string): Promise<PolicyVersionView> {
    return this.policy.addVersion(admin, body, ip);
  }
}
