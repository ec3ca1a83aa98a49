import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';
import { Role } from '../role';

/** SPEC 2.3 `PATCH /api/v1/users/{id}`: any subset; roles must fit the (new) area's level. */
export class UpdateUserDto {
  @ApiPropertyOptional({ description: 'false deactivates the user: no login, and every token stops working' })
  @IsOptional()
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({ enum: Role, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(8)
  @ArrayUnique()
  @IsIn(Object.values(Role), {
    each: true,
    message: `each role must be one of ${Object.values(Role).join(', ')}`,
  })
  roles?: Role[];

  @ApiPropertyOptional({ example: '431102001' })
  @IsOptional()
  @IsString()
  @Matches(/^\d{6}(\d{3})?$/, { message: 'areaCode must be a 6-digit city/county or 9-digit township code' })
  areaCode?: string;

  @ApiPropertyOptional({ example: '朝阳街道核对站 王芳' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  displayName?: string;
}

/** SPEC 2.3 `POST /api/v1/users/{id}/password` (an administrator sets a new password). */
export class SetPasswordDto {
  @ApiProperty({ minLength: 12, maxLength: 256 })
  @IsString()
  @MinLength(12, { message: 'password must be at least 12 characters' })
  @MaxLength(256)
  password!: string;
}

/** SPEC 2.3 `POST /api/v1/me/password` (a user changes their own password). */
export class ChangePasswordDto {
  @ApiProperty({ maxLength: 256 })
  @IsString()
  @MinLength(1)
  @MaxLength(256)
  currentPassword!: string;

  @ApiProperty({ minLength: 12, maxLength: 256 })
  @IsString()
  @MinLength(12, { message: 'newPassword must be at least 12 characters' })
  @MaxLength(256)
  newPassword!: string;
}

/** A user as the API shows it (never the password hash). */
export class UserViewDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'op-431102001' })
  username!: string;

  @ApiProperty({ example: '朝阳街道核对站 王芳' })
  displayName!: string;

  @ApiProperty({ enum: Role, isArray: true, enumName: 'Role' })
  roles!: Role[];

  @ApiProperty({ example: '431102001' })
  areaCode!: string;

  @ApiProperty({ description: 'false: the user cannot log in and has no working token' })
  active!: boolean;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;
}

export class UserListDto {
  @ApiProperty({ type: [UserViewDto] })
  items!: UserViewDto[];
}

export class LoginUserDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  username!: string;

  @ApiProperty({ enum: Role, isArray: true, enumName: 'Role' })
  roles!: Role[];

  @ApiProperty({ example: '431102001' })
  areaCode!: string;
}

/** SPEC 2.3 login answer. */
export class LoginResponseDto {
  @ApiProperty({ description: 'HS256 JWT; send as `Authorization: Bearer …`' })
  accessToken!: string;

  @ApiProperty({ enum: ['Bearer'] })
  tokenType!: 'Bearer';

  @ApiProperty({ description: 'Seconds until the token expires', example: 3600 })
  expiresIn!: number;

  @ApiProperty({ type: LoginUserDto })
  user!: LoginUserDto;
}
