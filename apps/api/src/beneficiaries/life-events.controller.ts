import { Body, Controller, HttpCode, Ip, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Role, Roles, type AuthUser } from '@app/access';
import { LifeEventsService, type LifeEventAnswer } from '@app/beneficiaries';
import { LifeEventAnswerDto, LifeEventDto } from './beneficiaries.dto';

/** SPEC 11.3: life events reported by other systems. */
@ApiTags('life-events')
@ApiBearerAuth()
@Controller('api/v1/life-events')
export class LifeEventsController {
  constructor(private readonly lifeEvents: LifeEventsService) {}

  @Post()
  @HttpCode(202)
  @Roles(Role.INTEGRATION)
  @ApiOperation({
    summary: 'Report a death, new employment or a hukou move; an unmatched report learns nothing',
  })
  @ApiBody({ type: LifeEventDto })
  @ApiAcceptedResponse({ type: LifeEventAnswerDto })
  report(@CurrentUser() user: AuthUser, @Body() body: unknown, @Ip() ip: string): Promise<LifeEventAnswer> {
    return this.lifeEvents.report(user, body, ip);
  }
}
