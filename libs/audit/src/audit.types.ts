/** Who did something. `userId`/`username` are null for anonymous callers (e.g. a failed login of an unknown user). */
export interface AuditActor {
  userId: string | null;
  username: string | null;
  /** The role the action was performed in (null when none applied, e.g. a denied or anonymous request). */
  role: string | null;
  /** The area the actor is bound to. */
  areaCode: string | null;
}

export interface AuditEntryInput {
  /** Dotted action name, e.g. `auth.login.succeeded`, `user.created`, `access.denied`, `application.viewed`. */
  action: string;
  actor: AuditActor;
  /**
   * The area the action concerns; it selects the hash chain: the county's chain for county, township and
   * village codes, the city's chain for city-level actions.
   */
  areaCode: string;
  applicationId?: string | null;
  /** Free-form context. Never full ID numbers, tokens or passwords. */
  detail?: Record<string, unknown>;
  ip?: string | null;
}

/** The anonymous actor. */
export const ANONYMOUS_ACTOR: AuditActor = { userId: null, username: null, role: null, areaCode: null };
