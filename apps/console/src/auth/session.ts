/**
 * The session in the browser: the access token and the user, kept in sessionStorage (gone when the tab closes, never
 * in localStorage — SPEC 12), an idle timer (CONSOLE_IDLE_MINUTES, read from the page's meta tag), and one place that
 * ends the session — logout, idle or a 401 — and tells the app where to go.
 */

export interface SessionUser {
  id: string;
  username: string;
  roles: string[];
  areaCode: string;
}

interface Stored {
  token: string;
  user: SessionUser;
  expiresAt: number;
}

const KEY = 'hev.session';
const ACTIVITY_KEY = 'hev.lastActivity';

export type EndReason = 'logout' | 'idle' | 'expired';
type Listener = (reason: EndReason) => void;
const listeners = new Set<Listener>();

function read(): Stored | null {
  try {
    const raw = sessionStorage.getItem(KEY);
    if (!raw) return null;
    const stored = JSON.parse(raw) as Stored;
    if (!stored.token || !stored.user || stored.expiresAt <= Date.now()) return null;
    return stored;
  } catch {
    return null;
  }
}

let current: Stored | null = typeof sessionStorage === 'undefined' ? null : read();
let lastEnd: EndReason | null = null;

export function idleMinutes(): number {
  const meta = document.querySelector<HTMLMetaElement>('meta[name="hev-idle-minutes"]');
  const value = Number(meta?.content);
  return Number.isInteger(value) && value > 0 ? value : 30;
}

export const session = {
  get token(): string | null {
    return current?.token ?? null;
  },
  get user(): SessionUser | null {
    return current?.user ?? null;
  },
  /** Why the last session of this page ended (null when none ended). */
  get lastEnd(): EndReason | null {
    return lastEnd;
  },
  start(token: string, user: SessionUser, expiresInSeconds: number): void {
    current = { token, user, expiresAt: Date.now() + expiresInSeconds * 1000 };
    lastEnd = null;
    sessionStorage.setItem(KEY, JSON.stringify(current));
    touch();
  },
  /** Ends the session: clears everything the console stored and tells the app (which shows /login). */
  end(reason: EndReason): void {
    const had = current !== null;
    current = null;
    lastEnd = reason;
    sessionStorage.clear();
    if (had || reason !== 'logout') for (const listener of listeners) listener(reason);
  },
  onEnd(listener: Listener): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

export function hasRole(...roles: string[]): boolean {
  return roles.some((r) => current?.user.roles.includes(r));
}

function touch(): void {
  try {
    sessionStorage.setItem(ACTIVITY_KEY, String(Date.now()));
  } catch {
    // Storage full or disabled: the idle timer then counts from the last activity seen in this page.
  }
}

let lastActivity = Date.now();

/** Starts watching for input; ends the session after the idle period. Returns a stop function. */
export function watchIdle(onTick: () => void = () => undefined): () => void {
  const limitMs = idleMinutes() * 60_000;
  const mark = (): void => {
    const now = Date.now();
    // Writing storage on every mouse move is wasteful: once per 5 s is plenty.
    if (now - lastActivity > 5_000) touch();
    lastActivity = now;
  };
  const events = ['mousedown', 'keydown', 'wheel', 'touchstart', 'mousemove'] as const;
  for (const e of events) window.addEventListener(e, mark, { passive: true });
  const timer = window.setInterval(() => {
    onTick();
    if (!current) return;
    const stored = Number(sessionStorage.getItem(ACTIVITY_KEY) ?? 0);
    const last = Math.max(lastActivity, stored);
    if (Date.now() - last >= limitMs) session.end('idle');
    else if (current.expiresAt <= Date.now()) session.end('expired');
  }, 5_000);
  return () => {
    for (const e of events) window.removeEventListener(e, mark);
    window.clearInterval(timer);
  };
}

/** A path inside the console to return to after login; anything else becomes "/". */
export function safeNext(next: string | null): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/login')) return '/';
  return next;
}
