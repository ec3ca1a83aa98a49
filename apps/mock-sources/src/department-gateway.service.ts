import { Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { type Department, type DepartmentErrorStatus } from './department.types';
import { MockStateService } from './mock-state.service';
import { isIdNumberShape } from './source-codes';

function pause([min, max]: [number, number]): Promise<void> {
  const ms = min + Math.floor(Math.random() * (max - min + 1));
  return ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve();
}

/**
 * Serves one department call: call log, behaviour (down, latency, error rate, malformed), key check and request
 * validation, then the department's own answer. Nothing here logs a body or an ID number.
 */
@Injectable()
export class DepartmentGateway {
  constructor(private readonly state: MockStateService) {}

  async serve(department: Department, request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const call = { headers: request.headers, query: request.query, body: request.body };
    const fail = (status: DepartmentErrorStatus): void => {
      void reply.code(status).send(department.errorBody(status));
    };

    const asked = department.idNumbersOf(call);
    const idNumbers = (asked ?? []).filter(isIdNumberShape);
    // Every call that carried a person counts, whatever its outcome: tests prove who was never sent anywhere.
    this.state.recordCall(department.code, idNumbers);

    const behaviour = this.state.behaviourOf(department.code);
    if (behaviour.down) return fail(503);
    await pause(behaviour.latencyMs);
    if (!department.authorised(call)) return fail(401);
    if (asked !== null && asked.length > department.maxBatch) return fail(413);
    const wellFormed =
      asked !== null &&
      asked.length > 0 &&
      idNumbers.length === asked.length &&
      department.acceptsRequest?.(call) !== false;
    if (!wellFormed) return fail(400);
    if (behaviour.errorRate > 0 && Math.random() < behaviour.errorRate) return fail(500);

    const persons = [...new Set(idNumbers)].map((idNumber) => ({
      idNumber,
      profile: this.state.profileOf(idNumber),
    }));
    if (behaviour.malformed) {
      void reply.code(200).type('application/json; charset=utf-8').send(department.malformed(persons));
      return;
    }
    void reply.code(200).send(department.answer(persons));
  }
}
