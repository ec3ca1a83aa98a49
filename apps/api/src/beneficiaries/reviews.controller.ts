import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Ip,
  Param,
  ParseUUIDPipe,
  Post,
  Put,
  Query,
} from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Role, Roles, type AuthUser } from '@app/access';
import { AuthorizationDto } from '@app/applications';
import { ReviewsService, type ReviewView } from '@app/beneficiaries';
import {
  ListReviewsQuery,
  ReviewDecisionDto,
  ReviewOpinionDto,
  ReviewPageDto,
  ReviewViewDto,
} from './beneficiaries.dto';

const ALL_ROLES = Object.values(Role);

/** SPEC 11.2: reviews (复核), their authorisations, township opinion and county decision. */
@ApiTags('reviews')
@ApiBearerAuth()
@Controller('api/v1/reviews')
export class ReviewsController {
  constructor(private readonly reviews: ReviewsService) {}

  @Get()
  @Roles(...ALL_ROLES)
  @ApiOperation({ summary: 'Reviews in the caller’s scope, newest first' })
  @ApiOkResponse({ type: ReviewPageDto })
  list(@CurrentUser() user: AuthUser, @Query() query: ListReviewsQuery) {
    return this.reviews.list(user, query);
  }

  @Get(':id')
  @Roles(...ALL_ROLES)
  @ApiOperation({ summary: 'A review with its run, recommendation, proposal and delta report' })
  @ApiOkResponse({ type: ReviewViewDto })
  view(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Ip() ip: string,
  ): Promise<ReviewView> {
    return this.reviews.view(user, id, ip);
  }

  @Put(':id/members/:memberId/authorization')
  @Roles(Role.STATION_OPERATOR)
  @ApiOperation({ summary: 'Record or replace a member’s authorisation for the review' })
  @ApiBody({ type: AuthorizationDto })
  @ApiOkResponse({ type: ReviewViewDto })
  recordAuthorization(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('memberId', ParseUUIDPipe) memberId: string,
    @Body() body: unknown,
    @Ip() ip: string,
  ): Promise<ReviewView> {
    return this.reviews.recordAuthorization(user, id, memberId, body, ip);
  }

  @Delete(':id/members/:memberId/authorization')
  @Roles(Role.STATION_OPERATOR)
  @ApiOperation({ summary: 'Revoke a member’s authorisation: the review waits in AWAITING_AUTHORIZATION' })
  @ApiOkResponse({ type: ReviewViewDto })
  revokeAuthorization(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('memberId', ParseUUIDPipe) memberId: string,
    @Ip() ip: string,
  ): Promise<ReviewView> {
    return this.reviews.revokeAuthorization(user, id, memberId, ip);
  }

  @Post(':id/township-review')
  @HttpCode(200)
  @Roles(Role.TOWNSHIP_REVIEWER)
  @ApiOperation({ summary: 'Township opinion on the proposal: VERIFIED → AWAITING_COUNTY_DECISION' })
  @ApiBody({ type: ReviewOpinionDto })
  @ApiOkResponse({ type: ReviewViewDto })
  townshipReview(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: unknown,
    @Ip() ip: string,
  ): Promise<ReviewView> {
    return this.reviews.townshipReview(user, id, body, ip);
  }

  @Post(':id/decision')
  @HttpCode(200)
  @Roles(Role.COUNTY_APPROVER)
  @ApiOperation({
    summary: 'County decision: APPROVE applies the proposal from next month, REJECT keeps the benefit',
  })
  @ApiBody({ type: ReviewDecisionDto })
  @ApiOkResponse({ type: ReviewViewDto })
  decide(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: unknown,
    @Ip() ip: string,
  ): Promise<ReviewView> {
    return this.reviews.decide(user, id, body, ip);
  }
}
