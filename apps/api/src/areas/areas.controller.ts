import { Controller, Get, Ip, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AreaScope, CurrentUser, Role, Roles, type AuthUser } from '@app/access';
import { AreasService, type Area } from '@app/areas';
import { DomainError } from '@app/common';
import { AreaWithChildrenDto } from './area-response.dto';

@ApiTags('areas')
@ApiBearerAuth()
@Controller('api/v1/areas')
export class AreasController {
  constructor(
    private readonly areas: AreasService,
    private readonly scope: AreaScope,
  ) {}

  @Get(':code')
  @Roles(...Object.values(Role))
  @ApiOperation({
    summary: 'An area inside the caller’s scope with its direct children (404 outside the scope)',
  })
  @ApiOkResponse({ type: AreaWithChildrenDto })
  async get(
    @Param('code') code: string,
    @CurrentUser() user: AuthUser,
    @Ip() ip: string,
  ): Promise<Area & { children: Area[] }> {
    const area = /^\d{6,12}$/.test(code) ? await this.areas.findByCode(code) : null;
    await this.scope.require(user, area?.code, 'Area', ip);
    if (!area) throw DomainError.notFound('Area'); // require() already refused it; this narrows the type
    return { ...area, children: await this.areas.listChildren(area.code) };
  }
}
