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
import {
  BeneficiariesService,
  ReviewsService,
  type BeneficiaryView,
  type ReviewView,
} from '@app/beneficiaries';
import {
  BeneficiaryPageDto,
  BeneficiaryViewDto,
  ListBeneficiariesQuery,
  OpenReviewDto,
  ReviewListDto,
  ReviewViewDto,
  WithdrawBeneficiaryDto,
} from './beneficiaries.dto';

const ALL_ROLES = Object.values(Role);

/** SPEC 11.1: the beneficiary roll (在保家庭), and opening a review of one household. */
@ApiTags('beneficiaries')
@ApiBearerAuth()
@Controller('api/v1/beneficiaries')
export class BeneficiariesController {
  constructor(
    private readonly beneficiaries: BeneficiariesService,
    private readonly reviews: ReviewsService,
  ) {}

  @Get()
  @Roles(...ALL_ROLES)
  @ApiOperation({
    summary: 'The roll in the caller’s scope, overdue reviews first (audited: beneficiaries.listed)',
  })
  @ApiOkResponse({ type: BeneficiaryPageDto })
  list(@CurrentUser() user: AuthUser, @Query() query: ListBeneficiariesQuery, @Ip() ip: string) {
    return this.beneficiaries.list(user, query, ip);
  }

  @Get(':id')
  @Roles(...ALL_ROLES)
  @ApiOperation({ summary: 'A beneficiary household with members and history (audited: beneficiary.viewed)' })
  @ApiOkResponse({ type: BeneficiaryViewDto })
  view(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Ip() ip: string,
  ): Promise<BeneficiaryView> {
    return this.beneficiaries.view(user, id, ip);
  }

  @Post(':id/withdraw')
  @HttpCode(200)
  @Roles(Role.STATION_OPERATOR)
  @ApiOperation({ summary: 'Withdrawal by the family: STOPPED from the next month' })
  @ApiBody({ type: WithdrawBeneficiaryDto })
  @ApiOkResponse({ type: BeneficiaryViewDto })
  withdraw(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: unknown,
    @Ip() ip: string,
  ): Promise<BeneficiaryView> {
    return this.beneficiaries.withdraw(user, id, body, ip);
  }

  @Post(':id/reviews')
  @HttpCode(201)
  @Roles(Role.TOWNSHIP_REVIEWER, Role.VERIFICATION_OFFICER)
  @ApiOperation({ summary: 'Open a review (one open review per household, else 409 REVIEW_ALREADY_OPEN)' })
  @ApiBody({ type: OpenReviewDto })
  @ApiCreatedResponse({ type: ReviewViewDto })
  openReview(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: unknown,
    @Ip() ip: string,
  ): Promise<ReviewView> {
    return this.reviews.open(user, id, body, ip);
  }

  @Get(':id/reviews')
  @Roles(...ALL_ROLES)
  @ApiOperation({ summary: 'The household’s reviews, newest first' })
  @ApiOkResponse({ type: ReviewListDto })
  listReviews(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Ip() ip: string,
  ): Promise<{ items: ReviewView[] }> {
    return this.reviews.listOfBeneficiary(user, id, ip);
  }
}
