import { ApiProperty } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsString,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';
import { Role } from '../role';

/** SPEC 2.3 `POST /api/v1/users`. Whether the roles fit the area's level is checked by the service. */
export class CreateUserDto {
  @ApiProperty({ example: 'op-431102001' })
  @IsString()
  @Matches(/^[A-Za-z0-9_.-]{3,64}$/, { message: 'username must be 3–64 letters, digits, _ . -' })
  username!: string;

  @ApiProperty({ minLength: 12 })
  @IsString()
  @MinLength(12, { message: 'password must be at least 12 characters' })
  @MaxLength(256)
  password!: string;

  @ApiProperty({ example: '朝阳街道核对站 王芳' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  displayName!: string;

  @ApiProperty({ enum: Role, isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(8)
  @ArrayUnique()
  @IsIn(Object.values(Role), {
    each: true,
    message: `each role must be one of ${Object.values(Role).join(', ')}`,
  })
  roles!: Role[];

  @ApiProperty({ example: '431102001' })
  @IsString()
  @Matches(/^\d{6}(\d{3})?$/, { message: 'areaCode must be a 6-digit city/county or 9-digit township code' })
  areaCode!: string;
}
