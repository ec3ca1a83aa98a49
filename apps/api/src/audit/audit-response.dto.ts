import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type {
  AuditActor,
  AuditAnchor,
  AuditEntryView,
  AuditPage,
  AuditVerification,
  ChainVerification,
} from '@app/audit';

// OpenAPI shapes of the audit responses; the service's plain objects are returned as they are.

export class AuditActorDto implements AuditActor {
  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  userId!: string | null;

  @ApiProperty({ type: String, nullable: true })
  username!: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'The role the action was performed in.' })
  role!: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'The area the actor is bound to.' })
  areaCode!: string | null;
}

export class AuditEntryDto implements AuditEntryView {
  @ApiProperty()
  seq!: number;

  @ApiProperty({ example: '431102' })
  chain!: string;

  @ApiProperty({ example: '431102001' })
  areaCode!: string;

  @ApiProperty({ format: 'date-time' })
  at!: string;

  @ApiProperty({ type: AuditActorDto })
  actor!: AuditActorDto;

  @ApiProperty({ example: 'application.viewed' })
  action!: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  applicationId!: string | null;

  @ApiProperty({ type: 'object', additionalProperties: true })
  detail!: Record<string, unknown>;

  @ApiProperty({ type: String, nullable: true })
  ip!: string | null;

  @ApiProperty({ description: 'SHA-256 (hex) of the previous entry in the chain; 64 zeros for the first.' })
  prevHash!: string;

  @ApiProperty({ description: 'SHA-256 (hex) over prevHash and the entry’s RFC 8785 canonical JSON.' })
  hash!: string;
}

export class AuditPageDto implements AuditPage {
  @ApiProperty({ type: [AuditEntryDto] })
  items!: AuditEntryDto[];

  @ApiProperty()
  total!: number;

  @ApiProperty()
  page!: number;

  @ApiProperty()
  pageSize!: number;
}

export class ChainVerificationDto implements ChainVerification {
  @ApiProperty({ example: '431102' })
  chain!: string;

  @ApiProperty()
  valid!: boolean;

  @ApiProperty()
  entries!: number;

  @ApiProperty({ description: 'Hash of the chain’s last entry.' })
  head!: string;

  @ApiPropertyOptional({ description: 'seq of the first entry that does not verify.' })
  brokenAt?: number;

  @ApiPropertyOptional({
    description: 'seq of the first signed anchor the chain no longer matches (rewritten or truncated since).',
  })
  anchorMismatchAt?: number;
}

export class AuditAnchorDto implements AuditAnchor {
  @ApiProperty({ example: '431102' })
  chain!: string;

  @ApiProperty({ description: 'seq of the chain’s head entry when it was signed' })
  seq!: number;

  @ApiProperty({ description: 'hash of that entry' })
  hash!: string;

  @ApiProperty({ format: 'date-time' })
  at!: string;

  @ApiProperty({
    description:
      'Ed25519 (base64) over the RFC 8785 canonical JSON of { chain, seq, hash, at }, key of GET /api/v1/keys',
  })
  signature!: string;

  @ApiProperty({ description: 'kid of the signing key (RFC 7638 thumbprint)' })
  keyId!: string;
}

export class AuditAnchorListDto {
  @ApiProperty({ type: [AuditAnchorDto] })
  items!: AuditAnchorDto[];
}

export class AuditAnchorsTakenDto {
  @ApiProperty({ type: [AuditAnchorDto] })
  anchors!: AuditAnchorDto[];
}

export class AuditVerificationDto implements AuditVerification {
  @ApiProperty()
  valid!: boolean;

  @ApiProperty({ type: [ChainVerificationDto] })
  chains!: ChainVerificationDto[];
}
