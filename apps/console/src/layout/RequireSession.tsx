import { useEffect, useState } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { session, watchIdle } from '../auth/session';

/**
 * Pages behind the login. Without a session the user goes to /login?next=<the page asked for>; when the session ends
 * (logout, idle, a 401) every cached answer is dropped and the user goes to /login — after idle or a 401 with `next`
 * and the reason, so that logging in again returns to the same page; after 退出登录 to a plain /login.
 */
export function RequireSession() {
  const location = useLocation();
  const queryClient = useQueryClient();
  const [, setTick] = useState(0);

  useEffect(() => {
    const stopIdle = watchIdle();
    const off = session.onEnd(() => {
      queryClient.clear();
      setTick((t) => t + 1);
    });
    return () => {
      stopIdle();
      off();
    };
  }, [queryClient]);

  if (!session.token) {
    const reason = session.lastEnd;
    if (reason === 'logout') return <Navigate to="/login" replace />;
    const params = new URLSearchParams();
    const next = location.pathname + location.search;
    if (next !== '/') params.set('next', next);
    if (reason) params.set('reason', reason);
    const query = params.toString();
    return <Navigate to={query ? `/login?${query}` : '/login'} replace />;
  }
  return <Outlet />;
}
