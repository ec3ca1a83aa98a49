import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '@app/access';
import { DecisionRecordsService, type PublishedKeys } from '@app/decisions';
import { PublishedKeysDto } from './decision-record-response.dto';

/** SPEC 6.5: the public key that verifies decision-record signatures; public, so anyone can check a record. */
@ApiTags('decision records')
@Controller('api/v1/keys')
export class KeysController {
  constructor(private readonly decisions: DecisionRecordsService) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'The platform’s Ed25519 public key (JWK with RFC 7638 key id, and PEM)' })
  @ApiOkResponse({ type: PublishedKeysDto })
  keys(): PublishedKeys {
    return this.decisions.publishedKeys();
  }
}
