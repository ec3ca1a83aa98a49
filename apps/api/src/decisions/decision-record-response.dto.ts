import { ApiProperty } from '@nestjs/swagger';

// OpenAPI shapes of GET /api/v1/keys and the signed decision record (SPEC 6.5).

export class PublicSigningKeyDto {
  @ApiProperty({ enum: ['OKP'] }) kty!: 'OKP';
  @ApiProperty({ enum: ['Ed25519'] }) crv!: 'Ed25519';
  @ApiProperty({ description: 'The public key, base64url.' }) x!: string;
  @ApiProperty({ description: 'RFC 7638 thumbprint.' }) kid!: string;
  @ApiProperty({ enum: ['EdDSA'] }) alg!: 'EdDSA';
  @ApiProperty({ enum: ['sig'] }) use!: 'sig';
  @ApiProperty({ description: 'The same key as SPKI PEM.' }) pem!: string;
}

export class PublishedKeysDto {
  @ApiProperty({ type: [PublicSigningKeyDto] }) keys!: PublicSigningKeyDto[];
}

export class SignedDecisionRecordDto {
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description:
      'The record: household snapshot, every source response with its SHA-256, policy, rule trace, outcome and the decisions added so far. Signed as its RFC 8785 canonical JSON.',
  })
  record!: Record<string, unknown>;
  @ApiProperty({ description: 'SHA-256 (hex) of the canonical JSON of `record`.' }) recordHash!: string;
  @ApiProperty({ description: 'Base64 Ed25519 signature of the same canonical JSON bytes.' })
  signature!: string;
  @ApiProperty({ enum: ['Ed25519'] }) signatureAlgorithm!: 'Ed25519';
  @ApiProperty({ description: 'kid of the key at GET /api/v1/keys.' }) keyId!: string;
}
