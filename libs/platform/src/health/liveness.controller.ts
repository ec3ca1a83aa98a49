import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';

/** Liveness only, for processes without PostgreSQL or Redis (the mocked departments). */
@ApiTags('operations')
@Controller('health')
export class LivenessController {
  @Get('live')
  live() {
    return { status: 'ok', info: {}, error: {}, details: {} };
  }
}
