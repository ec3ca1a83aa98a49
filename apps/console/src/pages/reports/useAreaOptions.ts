import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';

export interface AreaOption {
  value: string;
  label: string;
}

/**
 * The areas a report can be narrowed to: the user's own area and its direct children (a city's counties, a county's
 * townships), named in Chinese.
 */
export function useAreaOptions(areaCode: string | undefined) {
  return useQuery({
    queryKey: ['areas', areaCode],
    enabled: Boolean(areaCode),
    staleTime: 10 * 60_000,
    queryFn: async (): Promise<AreaOption[]> => {
      const area = await unwrap(
        api.GET('/api/v1/areas/{code}', { params: { path: { code: areaCode ?? '' } } }),
      );
      return [
        { value: area.code, label: `${area.name}（全部）` },
        ...area.children.map((c) => ({ value: c.code, label: c.name })),
      ];
    },
  });
}
