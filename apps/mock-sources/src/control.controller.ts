import {
  BadRequestException,
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  NotFoundException,
  Param,
  Post,
  Put,
  Query,
} from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { MockStateService } from './mock-state.service';
import { PersonProfileDto } from './person-profile.dto';
import { type PersonProfile } from './person-profile.types';
import { SourceBehaviourDto } from './source-behaviour.dto';
import { type SourceBehaviour } from './source-behaviour.types';
import { isIdNumberShape, isMockSourceCode, type MockSourceCode } from './source-codes';

function requireIdNumber(idNumber: string | undefined): string {
  if (!isIdNumberShape(idNumber))
    throw new BadRequestException('idNumber must be 18 characters: 17 digits and a digit or X');
  return idNumber.toUpperCase();
}

/** The control API of SPEC 5.2, for tests, demos and benchmarks; only registered when `mockSourcesControl` is on. */
@ApiExcludeController()
@Controller('admin')
export class ControlController {
  constructor(private readonly state: MockStateService) {}

  @Put('persons/:idNumber')
  pin(@Param('idNumber') idNumber: string, @Body() body: PersonProfileDto): { profile: PersonProfile } {
    // A plain copy: the stored profile must not share objects with the request.
    const profile = structuredClone<PersonProfile>({ ...body });
    this.state.pin(requireIdNumber(idNumber), profile);
    return { profile };
  }

  @Delete('persons/:idNumber')
  @HttpCode(204)
  unpin(@Param('idNumber') idNumber: string): void {
    this.state.unpin(requireIdNumber(idNumber));
  }

  @Post('reset')
  @HttpCode(204)
  reset(): void {
    this.state.reset();
  }

  @Put('sources/:code')
  configure(
    @Param('code') code: string,
    @Body() body: SourceBehaviourDto,
  ): { source: MockSourceCode } & SourceBehaviour {
    if (!isMockSourceCode(code)) throw new NotFoundException('Unknown source code');
    const [min, max] = body.latencyMs ?? [0, 0];
    if (min > max) throw new BadRequestException('latencyMs must be [min, max] with min <= max');
    const change: Partial<SourceBehaviour> = {};
    if (body.latencyMs != null) change.latencyMs = [min, max];
    if (body.errorRate != null) change.errorRate = body.errorRate;
    if (body.down != null) change.down = body.down;
    if (body.malformed != null) change.malformed = body.malformed;
    return { source: code, ...this.state.updateBehaviour(code, change) };
  }

  @Get('calls')
  calls(@Query('idNumber') idNumber: string | undefined): Record<MockSourceCode, number> {
    return this.state.callsOf(requireIdNumber(idNumber));
  }
}
