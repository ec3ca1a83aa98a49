import { ApiProperty } from '@nestjs/swagger';

// OpenAPI shapes of the login answer and user views (SPEC 2.3).

const ROLES = [
  'STATION_OPERATOR',
  'TOWNSHIP_REVIEWER',
  'VERIFICATION_OFFICER',
  'COUNTY_APPROVER',
  'CITY_SUPERVISOR',
  'AUDITOR',
  'INTEGRATION',
  'ADMIN',
];

export class LoginUserDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() username!: string;
  @ApiProperty({ type: [String], enum: ROLES }) roles!: string[];
  @ApiProperty({ example: '431102001' }) areaCode!: string;
}

export class LoginResponseDto {
  @ApiProperty() accessToken!: string;
  @ApiProperty({ enum: ['Bearer'] }) tokenType!: 'Bearer';
  @ApiProperty({ description: 'Seconds until the token expires.' }) expiresIn!: number;
  @ApiProperty({ type: LoginUserDto }) user!: LoginUserDto;
}

export class UserViewDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() username!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty({ type: [String], enum: ROLES }) roles!: string[];
  @ApiProperty() areaCode!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class UserListDto {
  @ApiProperty({ type: [UserViewDto] }) items!: UserViewDto[];
}
