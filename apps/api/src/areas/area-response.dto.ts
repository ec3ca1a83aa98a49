import { ApiProperty } from '@nestjs/swagger';

export class AreaDto {
  @ApiProperty({ example: '431102001' }) code!: string;
  @ApiProperty({ example: '朝阳街道' }) name!: string;
  @ApiProperty({ enum: ['CITY', 'COUNTY', 'TOWNSHIP', 'VILLAGE'] }) level!: string;
  @ApiProperty({ type: String, nullable: true }) parentCode!: string | null;
}

export class AreaWithChildrenDto extends AreaDto {
  @ApiProperty({ type: [AreaDto] }) children!: AreaDto[];
}
