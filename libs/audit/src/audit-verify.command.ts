import { isChainCode, type AuditService } from './audit.service';
import type { AuditVerification } from './audit-view';

export const AUDIT_VERIFY_USAGE = 'usage: npm run audit:verify [-- --chain <county or city code>]...';

export interface AuditVerifyArgs {
  /** Chains to verify; every chain when absent. */
  chains?: string[];
}

export class AuditVerifyUsageError extends Error {
  constructor(problem: string) {
    super(`${problem}\n${AUDIT_VERIFY_USAGE}`);
    this.name = 'AuditVerifyUsageError';
  }
}

/** Parses `--chain <code>` (repeatable, also `--chain=<code>`). */
export function parseAuditVerifyArgs(argv: readonly string[]): AuditVerifyArgs {
  const chains: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    let value: string | undefined;
    if (arg === '--chain') value = argv[++i];
    else if (arg.startsWith('--chain=')) value = arg.slice('--chain='.length);
    else throw new AuditVerifyUsageError(`unknown argument: ${arg}`);
    if (value === undefined || !isChainCode(value))
      throw new AuditVerifyUsageError(`--chain needs a county or city code, got: ${value ?? '(nothing)'}`);
    chains.push(value);
  }
  return chains.length > 0 ? { chains } : {};
}

export interface AuditVerifyOutcome {
  /** 0 when every chain is intact, 1 when any is broken. */
  exitCode: 0 | 1;
  lines: string[];
}

/** One line per chain and a summary naming the first broken `seq` of every broken chain. */
export function formatAuditVerification(result: AuditVerification): AuditVerifyOutcome {
  const lines = result.chains.map((c) =>
    c.brokenAt !== undefined
      ? `${c.chain}  BROKEN  ${c.entries} entries  first broken seq ${c.brokenAt}`
      : c.anchorMismatchAt !== undefined
        ? `${c.chain}  BROKEN  ${c.entries} entries  no longer matches the anchor at seq ${c.anchorMismatchAt}`
        : `${c.chain}  valid   ${c.entries} entries  head ${c.head}`,
  );
  const broken = result.chains.filter((c) => !c.valid);
  if (result.chains.length === 0) lines.push('No audit chains yet.');
  else if (broken.length === 0) lines.push(`All ${result.chains.length} chain(s) valid.`);
  else
    lines.push(
      `${broken.length} of ${result.chains.length} chain(s) BROKEN: ${broken
        .map((c) =>
          c.brokenAt !== undefined
            ? `${c.chain} at seq ${c.brokenAt}`
            : `${c.chain} against the anchor at seq ${c.anchorMismatchAt}`,
        )
        .join(', ')}`,
    );
  return { exitCode: result.valid ? 0 : 1, lines };
}

/** `npm run audit:verify`: the check behind `GET /api/v1/audit/verify`, for operators. */
export async function runAuditVerify(
  audit: AuditService,
  args: AuditVerifyArgs,
): Promise<AuditVerifyOutcome> {
  return formatAuditVerification(await audit.verify(args.chains));
}
