import { createBrowserRouter, type RouteObject } from 'react-router';
import { RequireSession } from './layout/RequireSession';

/*
 * Every path of SPEC 12, each page loaded lazily (its own chunk), so /login loads only what it needs. A path that is
 * not here shows 未找到页面 inside the layout.
 */
const page =
  <M extends Record<string, unknown>>(load: () => Promise<M>, name: keyof M) =>
  async () => {
    const module = await load();
    return { Component: module[name] as React.ComponentType };
  };

export const routeTable: RouteObject[] = [
  { path: '/login', lazy: page(() => import('./pages/login'), 'LoginPage') },
  {
    element: <RequireSession />,
    children: [
      {
        // The frame (menu, header) is a chunk of its own too: /login does not load it.
        lazy: page(() => import('./layout/AppLayout'), 'AppLayout'),
        children: [
          { index: true, lazy: page(() => import('./pages/dashboard'), 'DashboardPage') },
          {
            path: 'applications',
            lazy: page(() => import('./pages/applications/list'), 'ApplicationListPage'),
          },
          {
            path: 'applications/new',
            lazy: page(() => import('./pages/applications/new'), 'ApplicationNewPage'),
          },
          {
            path: 'applications/:id',
            lazy: page(() => import('./pages/applications/detail'), 'ApplicationPage'),
          },
          { path: 'beneficiaries', lazy: page(() => import('./pages/beneficiaries'), 'BeneficiaryListPage') },
          {
            path: 'beneficiaries/:id',
            lazy: page(() => import('./pages/beneficiaries/detail'), 'BeneficiaryPage'),
          },
          { path: 'reviews/:id', lazy: page(() => import('./pages/reviews'), 'ReviewPage') },
          { path: 'review-batches', lazy: page(() => import('./pages/review-batches'), 'ReviewBatchesPage') },
          {
            path: 'reports/workload',
            lazy: page(() => import('./pages/reports/workload'), 'WorkloadReportPage'),
          },
          {
            path: 'reports/sources',
            lazy: page(() => import('./pages/reports/sources'), 'SourcesReportPage'),
          },
          { path: 'audit', lazy: page(() => import('./pages/audit'), 'AuditPage') },
          { path: 'users', lazy: page(() => import('./pages/users'), 'UsersPage') },
          { path: 'policy', lazy: page(() => import('./pages/policy'), 'PolicyPage') },
          { path: 'calendar', lazy: page(() => import('./pages/calendar'), 'CalendarPage') },
          { path: '*', lazy: page(() => import('./pages/not-found'), 'NotFoundPage') },
        ],
      },
    ],
  },
];

export const router = createBrowserRouter(routeTable);
