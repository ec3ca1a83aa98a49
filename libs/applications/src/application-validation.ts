import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { flattenValidationErrors, isRealDate, type FieldProblem } from '@app/common';
import { ageOn, validateIdNumber } from '@app/privacy';
import { Relation, Signer } from './application.enums';
import { AuthorizationDto, CreateApplicationDto } from './dto/create-application.dto';

export type Validated<T> = { ok: true; value: T } | { ok: false; problems: FieldProblem[] };

const STRICT = { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: true } as const;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Checks an authorisation's date (real, not in the future) and that a minor signs through a guardian. */
export function authorizationProblems(
  authorization: AuthorizationDto,
  memberAge: number | null,
  today: string,
  path: string,
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (typeof authorization.signedAt === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(authorization.signedAt)) {
    if (!isRealDate(authorization.signedAt))
      problems.push({ path: `${path}.signedAt`, message: 'signedAt is not a real date' });
    else if (authorization.signedAt > today)
      problems.push({ path: `${path}.signedAt`, message: 'signedAt is in the future' });
  }
  // 《最低生活保障审核确认办法》: a minor's consent is given by the guardian.
  if (memberAge !== null && memberAge < 18 && authorization.signer === Signer.SELF) {
    problems.push({ path: `${path}.signer`, message: 'a member under 18 must be authorised by a GUARDIAN' });
  }
  return problems;
}

/**
 * SPEC 3.1 validation of a create-application body, shared by the HTTP route and the intake queue:
 * shape (types, ranges, unknown fields) and household rules, every problem with its path, all at once.
 * On success the ID numbers are normalised (upper-case X).
 */
export function validateCreateApplication(body: unknown, today: string): Validated<CreateApplicationDto> {
  if (!isPlainObject(body))
    return { ok: false, problems: [{ path: '', message: 'body must be a JSON object' }] };
  const dto = plainToInstance(CreateApplicationDto, body);
  let problems = flattenValidationErrors(validateSync(dto, STRICT));
  // `members` that is not an array is one problem, not one per property of whatever it is.
  if (body.members !== undefined && !Array.isArray(body.members))
    problems = problems.filter((p) => p.path === 'members');

  const members: unknown[] = Array.isArray(body.members) ? (body.members as unknown[]) : [];
  const seen = new Map<string, number>();
  let selfCount = 0;
  members.forEach((raw, i) => {
    if (!isPlainObject(raw)) return;
    const path = `members[${i}]`;
    if (raw.relation === Relation.SELF) selfCount++;
    let age: number | null = null;
    if (typeof raw.idNumber === 'string') {
      const result = validateIdNumber(raw.idNumber, new Date(`${today}T12:00:00Z`));
      if (!result.ok) {
        problems.push({ path: `${path}.idNumber`, message: `idNumber ${result.reason}` });
      } else {
        age = ageOn(result.idNumber, today);
        const first = seen.get(result.idNumber);
        if (first !== undefined) {
          problems.push({
            path: `${path}.idNumber`,
            message: `idNumber duplicates members[${first}].idNumber`,
          });
        } else {
          seen.set(result.idNumber, i);
        }
      }
    }
    const member = dto.members?.[i];
    if (member?.authorization && isPlainObject(raw.authorization)) {
      problems.push(...authorizationProblems(member.authorization, age, today, `${path}.authorization`));
    }
  });
  if (members.length > 0 && selfCount !== 1) {
    problems.push({
      path: 'members',
      message: `exactly one member must have relation SELF (found ${selfCount})`,
    });
  }

  if (problems.length > 0) return { ok: false, problems };
  for (const member of dto.members) {
    const result = validateIdNumber(member.idNumber, new Date(`${today}T12:00:00Z`));
    if (result.ok) member.idNumber = result.idNumber;
    member.exclusion ??= null;
    member.disability ??= null;
    member.authorization ??= null;
  }
  dto.hasAbleSupporter ??= false;
  dto.staffRelative ??= false;
  return { ok: true, value: dto };
}

/** Validates a standalone authorisation body (PUT …/authorization). */
export function validateAuthorization(
  body: unknown,
  memberAge: number,
  today: string,
): Validated<AuthorizationDto> {
  if (!isPlainObject(body))
    return { ok: false, problems: [{ path: '', message: 'body must be a JSON object' }] };
  const dto = plainToInstance(AuthorizationDto, body);
  const problems = flattenValidationErrors(validateSync(dto, STRICT));
  problems.push(
    ...authorizationProblems(dto, memberAge, today, '').map((p) => ({
      ...p,
      path: p.path.replace(/^\./, ''),
    })),
  );
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: dto };
}
