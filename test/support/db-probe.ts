import { Client } from 'pg';
import { validateIdNumber } from '@app/privacy';

/** Tables a create or a change of an application writes to. */
export const APPLICATION_TABLES = [
  'applications',
  'application_members',
  'open_application_persons',
  'application_number_counters',
  'idempotency_keys',
  'verification_runs',
  'audit_entries',
  'outbox_messages',
] as const;
export type TableCounts = Record<(typeof APPLICATION_TABLES)[number], number>;

/** A direct PostgreSQL connection to a test database, to look at what the service wrote. */
export class DbProbe {
  private constructor(private readonly client: Client) {}

  static async connect(url: string): Promise<DbProbe> {
    const client = new Client({ connectionString: url });
    await client.connect();
    return new DbProbe(client);
  }

  async query<T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
    return (await this.client.query(sql, params)).rows as T[];
  }

  async counts(): Promise<TableCounts> {
    const sql = APPLICATION_TABLES.map((t) => `(SELECT count(*)::int FROM ${t}) AS ${t}`).join(', ');
    const [row] = await this.query<TableCounts>(`SELECT ${sql}`);
    return row!;
  }

  /** Audit actions written after `seq`, in order. */
  async auditActionsAfter(seq: number): Promise<string[]> {
    const rows = await this.query<{ action: string }>(
      'SELECT action FROM audit_entries WHERE seq > $1 ORDER BY seq',
      [seq],
    );
    return rows.map((r) => r.action);
  }

  async lastAuditSeq(): Promise<number> {
    const [row] = await this.query<{ seq: string | null }>('SELECT max(seq) AS seq FROM audit_entries');
    return Number(row?.seq ?? 0);
  }

  close(): Promise<void> {
    return this.client.end();
  }
}

/** Polls until `condition` holds; fails the test after `timeoutMs`. */
export async function eventually(
  condition: () => Promise<boolean> | boolean,
  timeoutMs = 15_000,
  what = 'condition',
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`${what} not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/**
 * Every valid GB 11643 number in `text` (18 characters, check character right, real birth date), whatever
 * surrounds it: random hex or numbers practically never pass the check character and the date together.
 */
export function validIdNumbersIn(text: string): string[] {
  const found: string[] = [];
  for (let i = 0; i + 18 <= text.length; i++) {
    const candidate = text.slice(i, i + 18);
    if (/^\d{17}[\dXx]$/.test(candidate) && validateIdNumber(candidate).ok) found.push(candidate);
  }
  return found;
}
