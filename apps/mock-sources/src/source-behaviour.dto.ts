import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsInt,
  IsNumber,
  IsOptional,
  Max,
  Min,
} from 'class-validator';
import { type SourceBehaviour } from './source-behaviour.types';

/** `PUT /admin/sources/{code}` (SPEC 5.2); fields left out keep their current value. */
export class SourceBehaviourDto implements Partial<SourceBehaviour> {
  @IsOptional()
  @IsArray()
  @ArrayMinSize(2)
  @ArrayMaxSize(2)
  @IsInt({ each: true })
  @Min(0, { each: true })
  @Max(60_000, { each: true })
  latencyMs?: [number, number];

  @IsOptional() @IsNumber({ allowNaN: false, allowInfinity: false }) @Min(0) @Max(1) errorRate?: number;
  @IsOptional() @IsBoolean() down?: boolean;
  @IsOptional() @IsBoolean() malformed?: boolean;
}
