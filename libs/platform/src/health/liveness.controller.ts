import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Public } from '@app/common';

/** Liveness only, for processes without PostgreSQL or Redis (the mocked departments). */
@ApiTags('operations')
@Public()
@Controller('health')
export class LivenessController {
  @Get('live')
  live() {
    return { status: 'ok', info: {}, error: {}, details: {} };
  }
}
