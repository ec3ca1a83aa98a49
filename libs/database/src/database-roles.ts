import { Client, escapeIdentifier, escapeLiteral } from 'pg';

/**
 * SPEC 8: the platform runs as a runtime role that is neither superuser nor owner of the tables; migrations run as
 * the owner role. Migrations grant to the group role `hev_runtime` (never to a login name, which they cannot know),
 * and `npm run migrate` makes the runtime login role of DATABASE_URL a member of it.
 */
export const RUNTIME_GROUP = 'hev_runtime';

/** Roles are cluster-wide: one process at a time creates or grants them, whatever database it migrates. */
const ROLES_LOCK_KEY = 727_005;

/** The user name of a postgres:// URL (`postgres` when it names none, as libpq would default on this platform). */
export function roleOf(url: string): string {
  return decodeURIComponent(new URL(url).username) || 'postgres';
}

function maintenanceUrl(url: string): string {
  const admin = new URL(url);
  admin.pathname = '/postgres';
  return admin.toString();
}

/** 42710 duplicate_object; 23505 when two sessions insert the same role into pg_authid at once. */
function isDuplicate(error: unknown): boolean {
  const code = (error as { code?: string }).code;
  return code === '42710' || code === '23505';
}

async function withRolesLock<T>(ownerUrl: string, work: (client: Client) => Promise<T>): Promise<T> {
  // Advisory locks are per database: take it in the maintenance database, which every migrator shares.
  const client = new Client({ connectionString: maintenanceUrl(ownerUrl) });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [ROLES_LOCK_KEY]);
    return await work(client);
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [ROLES_LOCK_KEY]).catch(() => undefined);
    await client.end();
  }
}

async function roleExists(client: Client, role: string): Promise<boolean> {
  const found = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role]);
  return (found.rowCount ?? 0) > 0;
}

/** Creates the group role the migrations grant to, when missing. Needs CREATEROLE (or a superuser). */
export async function ensureRuntimeGroup(ownerUrl: string): Promise<void> {
  await withRolesLock(ownerUrl, async (client) => {
    if (await roleExists(client, RUNTIME_GROUP)) return;
    try {
      await client.query(`CREATE ROLE ${escapeIdentifier(RUNTIME_GROUP)} NOLOGIN`);
    } catch (error) {
      if (!isDuplicate(error)) throw error;
    }
  });
}

/**
 * When DATABASE_URL names another role than DATABASE_MIGRATION_URL: creates that login role if missing (with the
 * URL's password, which a later run also sets, so rotating it is a change of URL and a migrate), never superuser,
 * and makes it a member of `hev_runtime`. Refuses a runtime role that is a superuser.
 */
export async function ensureRuntimeRole(ownerUrl: string, runtimeUrl: string): Promise<void> {
  const runtime = roleOf(runtimeUrl);
  if (runtime === roleOf(ownerUrl)) return;
  const password = decodeURIComponent(new URL(runtimeUrl).password);
  await withRolesLock(ownerUrl, async (client) => {
    const role = escapeIdentifier(runtime);
    const login = `LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE${password ? ` PASSWORD ${escapeLiteral(password)}` : ''}`;
    if (!(await roleExists(client, runtime))) {
      try {
        await client.query(`CREATE ROLE ${role} ${login}`);
      } catch (error) {
        if (!isDuplicate(error)) throw error;
      }
    } else if (password) {
      await client.query(`ALTER ROLE ${role} PASSWORD ${escapeLiteral(password)}`);
    }
    const [attributes] = (
      await client.query<{ rolsuper: boolean }>('SELECT rolsuper FROM pg_roles WHERE rolname = $1', [runtime])
    ).rows;
    if (attributes?.rolsuper)
      throw new Error(`The runtime role ${runtime} of DATABASE_URL is a superuser; use a role of its own`);
    const member = await client.query(
      `SELECT 1 FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid JOIN pg_roles u ON u.oid = m.member
        WHERE g.rolname = $1 AND u.rolname = $2`,
      [RUNTIME_GROUP, runtime],
    );
    if ((member.rowCount ?? 0) === 0) {
      try {
        await client.query(`GRANT ${escapeIdentifier(RUNTIME_GROUP)} TO ${role}`);
      } catch (error) {
        if (!isDuplicate(error)) throw error;
      }
    }
  });
}

/** Problems with the role a process connects as, for production (SPEC 8); empty when it is a proper runtime role. */
export async function runtimeRoleProblems(query: (sql: string) => Promise<unknown[]>): Promise<string[]> {
  const [row] = (await query(
    `SELECT r.rolsuper AS superuser, current_user AS role,
            (SELECT t.tableowner FROM pg_tables t WHERE t.schemaname = 'public' AND t.tablename = 'audit_entries') AS owner,
            (SELECT pg_has_role(current_user, t.tableowner, 'USAGE') FROM pg_tables t
              WHERE t.schemaname = 'public' AND t.tablename = 'audit_entries') AS owns_audit
       FROM pg_roles r WHERE r.rolname = current_user`,
  )) as { superuser: boolean; role: string; owner: string | null; owns_audit: boolean | null }[];
  const problems: string[] = [];
  if (!row) return ['the database role could not be read'];
  if (row.superuser) problems.push(`the database role ${row.role} is a superuser`);
  else if (row.owns_audit)
    problems.push(
      `the database role ${row.role} owns (or acts as ${row.owner ?? '?'}, the owner of) audit_entries`,
    );
  return problems;
}
