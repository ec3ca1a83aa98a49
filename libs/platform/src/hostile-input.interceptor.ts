import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { Observable } from 'rxjs';
import { DomainError, hostileJsonProblems } from '@app/common';

/**
 * Refuses, with a 400 listing each place, a request whose body, query or path parameters nest deeper than the
 * platform allows or carry control characters (SPEC 10: such input never reaches a validator, a query or a 500).
 * It runs after the guards, so an unauthenticated caller still gets its 401 first.
 */
@Injectable()
export class HostileInputInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() === 'http') {
      const request = context.switchToHttp().getRequest<FastifyRequest>();
      const problems = [
        ...hostileJsonProblems(request.params, ''),
        ...hostileJsonProblems(request.query, ''),
        ...hostileJsonProblems(request.body, ''),
      ].slice(0, 50);
      if (problems.length > 0) throw DomainError.validation(problems);
    }
    return next.handle();
  }
}
