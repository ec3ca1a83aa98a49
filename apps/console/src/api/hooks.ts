import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from './client';
import type { paths } from './schema';

/*
 * One query hook per resource, over the generated client: the types come from the API's OpenAPI document, so a page
 * cannot drift from the API. Query keys start with the resource name; a mutation invalidates what it changed.
 */

type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;
/** The JSON body of a successful (200/201) answer of `path` and `method`, as the OpenAPI document describes it. */
export type ResponseOf<
  P extends keyof paths,
  M extends 'get' | 'post' | 'put' | 'delete' | 'patch',
> = paths[P][M] extends {
  responses: infer R;
}
  ? R extends { 200: infer A }
    ? Json<A>
    : R extends { 201: infer B }
      ? Json<B>
      : never
  : never;

/** The query of `GET /api/v1/applications`. */
export type ApplicationsQuery = NonNullable<paths['/api/v1/applications']['get']['parameters']['query']>;

export const keys = {
  me: ['me'] as const,
  applications: (query: ApplicationsQuery) => ['applications', 'list', query] as const,
  application: (id: string) => ['applications', id] as const,
  verification: (id: string) => ['applications', id, 'verification'] as const,
  applicationAudit: (id: string) => ['applications', id, 'audit'] as const,
  decisionRecord: (id: string) => ['applications', id, 'decision-record'] as const,
  keys: ['keys'] as const,
  area: (code: string) => ['areas', code] as const,
  policy: (areaCode?: string, on?: string) => ['policy', areaCode, on] as const,
  workload: (areaCode?: string) => ['reports', 'workload', areaCode] as const,
  sources: ['reports', 'sources'] as const,
  users: ['users'] as const,
};

export function useMe() {
  return useQuery({ queryKey: keys.me, queryFn: () => unwrap(api.GET('/api/v1/me')), staleTime: 60_000 });
}

export function useApplications(query: ApplicationsQuery, enabled = true) {
  return useQuery({
    queryKey: keys.applications(query),
    queryFn: () => unwrap(api.GET('/api/v1/applications', { params: { query } })),
    enabled,
  });
}

export function useApplication(id: string) {
  return useQuery({
    queryKey: keys.application(id),
    queryFn: () => unwrap(api.GET('/api/v1/applications/{id}', { params: { path: { id } } })),
  });
}

/** The latest verification run; polled while it runs. */
export function useVerification(id: string, running: boolean) {
  return useQuery({
    queryKey: keys.verification(id),
    queryFn: () => unwrap(api.GET('/api/v1/applications/{id}/verification', { params: { path: { id } } })),
    refetchInterval: running ? 1_500 : false,
    retry: false,
  });
}

export function useApplicationAudit(id: string, enabled: boolean) {
  return useQuery({
    queryKey: keys.applicationAudit(id),
    queryFn: () => unwrap(api.GET('/api/v1/applications/{id}/audit', { params: { path: { id } } })),
    enabled,
  });
}

export function useDecisionRecord(id: string, enabled: boolean) {
  return useQuery({
    queryKey: keys.decisionRecord(id),
    queryFn: () => unwrap(api.GET('/api/v1/applications/{id}/decision-record', { params: { path: { id } } })),
    enabled,
    retry: false,
  });
}

export function usePublicKeys(enabled = true) {
  return useQuery({
    queryKey: keys.keys,
    queryFn: () => unwrap(api.GET('/api/v1/keys')),
    enabled,
    staleTime: 3_600_000,
  });
}

export function useArea(code: string | undefined) {
  return useQuery({
    queryKey: keys.area(code ?? ''),
    queryFn: () => unwrap(api.GET('/api/v1/areas/{code}', { params: { path: { code: code ?? '' } } })),
    enabled: Boolean(code),
    staleTime: 3_600_000,
  });
}

export function useWorkloadReport(areaCode?: string) {
  return useQuery({
    queryKey: keys.workload(areaCode),
    queryFn: () => unwrap(api.GET('/api/v1/reports/workload', { params: { query: { areaCode } } })),
  });
}

export function useSourcesReport() {
  return useQuery({ queryKey: keys.sources, queryFn: () => unwrap(api.GET('/api/v1/reports/sources')) });
}

export function useUsers() {
  return useQuery({ queryKey: keys.users, queryFn: () => unwrap(api.GET('/api/v1/users')) });
}

/** Invalidates everything about one application (after an action on it). */
export function useInvalidateApplication() {
  const client = useQueryClient();
  return (id: string) => client.invalidateQueries({ queryKey: ['applications', id] });
}

export { useMutation };
