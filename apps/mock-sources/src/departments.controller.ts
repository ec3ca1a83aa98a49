import { Controller, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DepartmentGateway } from './department-gateway.service';
import { DEPARTMENTS } from './departments/departments';

const { HUKOU, VEHICLE, SOCIAL_SECURITY, REAL_ESTATE, MARKET_REGULATION, TAX, HOUSING_FUND } = DEPARTMENTS;
const { BANKING, CIVIL_AFFAIRS, DISABILITY, PUBLIC_PAYROLL } = DEPARTMENTS;

/** The eleven mocked departments (SPEC 5.2), each on its own route; formats are documented in the README. */
@ApiExcludeController()
@Controller()
export class DepartmentsController {
  constructor(private readonly gateway: DepartmentGateway) {}

  @Post(HUKOU.path)
  hukou(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    return this.gateway.serve(HUKOU, request, reply);
  }

  @Post(VEHICLE.path)
  vehicle(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    return this.gateway.serve(VEHICLE, request, reply);
  }

  @Post(SOCIAL_SECURITY.path)
  socialSecurity(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    return this.gateway.serve(SOCIAL_SECURITY, request, reply);
  }

  @Post(REAL_ESTATE.path)
  realEstate(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    return this.gateway.serve(REAL_ESTATE, request, reply);
  }

  @Post(MARKET_REGULATION.path)
  marketRegulation(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    return this.gateway.serve(MARKET_REGULATION, request, reply);
  }

  @Post(TAX.path)
  tax(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    return this.gateway.serve(TAX, request, reply);
  }

  @Post(HOUSING_FUND.path)
  housingFund(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    return this.gateway.serve(HOUSING_FUND, request, reply);
  }

  @Post(BANKING.path)
  banking(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    return this.gateway.serve(BANKING, request, reply);
  }

  @Post(CIVIL_AFFAIRS.path)
  civilAffairs(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    return this.gateway.serve(CIVIL_AFFAIRS, request, reply);
  }

  @Post(DISABILITY.path)
  disability(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    return this.gateway.serve(DISABILITY, request, reply);
  }

  @Post(PUBLIC_PAYROLL.path)
  publicPayroll(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    return this.gateway.serve(PUBLIC_PAYROLL, request, reply);
  }
}
