import { Body, Controller, Get, HttpCode, Ip, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentUser, Role, Roles, type AuthUser } from '@app/access';
import { ReviewBatchesService, type ReviewBatchView } from '@app/beneficiaries';
import {
  CreateReviewBatchDto,
  ListReviewBatchesQuery,
  ReviewBatchDto,
  ReviewBatchListDto,
} from './beneficiaries.dto';

const ALL_ROLES = Object.values(Role);

/** SPEC 11.4: review batches (批量核查) with live progress. */
@ApiTags('review-batches')
@ApiBearerAuth()
@Controller('api/v1/review-batches')
export class ReviewBatchesController {
  constructor(private readonly batches: ReviewBatchesService) {}

  @Post()
  @HttpCode(201)
  @Roles(Role.VERIFICATION_OFFICER, Role.CITY_SUPERVISOR)
  @ApiOperation({ summary: 'Open a PERIODIC review for every ACTIVE household of the area that matches' })
  @ApiBody({ type: CreateReviewBatchDto })
  @ApiCreatedResponse({ type: ReviewBatchDto })
  create(@CurrentUser() user: AuthUser, @Body() body: unknown, @Ip() ip: string): Promise<ReviewBatchView> {
    return this.batches.create(user, body, ip);
  }

  @Get()
  @Roles(...ALL_ROLES)
  @ApiOperation({ summary: 'Review batches in the caller’s scope, newest first' })
  @ApiOkResponse({ type: ReviewBatchListDto })
  list(@CurrentUser() user: AuthUser, @Query() query: ListReviewBatchesQuery) {
    return this.batches.list(user, query.areaCode);
  }

  @Get(':id')
  @Roles(...ALL_ROLES)
  @ApiOperation({ summary: 'A batch’s live progress' })
  @ApiOkResponse({ type: ReviewBatchDto })
  view(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Ip() ip: string,
  ): Promise<ReviewBatchView> {
    return this.batches.view(user, id, ip);
  }
}
