import { useQuery } from '@tanstack/react-query';
import { Alert } from 'antd';
import { Link } from 'react-router';
import { api, unwrap } from '../../api/client';
import { hasRole } from '../../auth/session';
import { chinaToday } from '../../lib/dates';
import { AccessibleTheme } from '../reports/accessible';
import { missingYearToWarn } from './calendar-dates';

/**
 * For administrators, on the 工作台: the working-day calendar of this year is missing, or — from October on, when the
 * State Council publishes it — next year's is. Deadlines that run into such a year count weekends only.
 */
export function NextYearCalendarWarning() {
  const isAdmin = hasRole('ADMIN');
  const years = useQuery({
    queryKey: ['calendar', 'years'],
    enabled: isAdmin,
    staleTime: 5 * 60_000,
    queryFn: () => unwrap(api.GET('/api/v1/calendar')),
  });
  if (!isAdmin || !years.data) return null;
  const missing = missingYearToWarn(
    years.data.years.map((y) => y.year),
    chinaToday(),
  );
  if (missing === null) return null;
  return (
    <AccessibleTheme>
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 16 }}
        title={`${missing}年工作日历尚未加载`}
        description={
          <>
            办理期限延伸到 {missing}{' '}
            年的案件目前只按周末计算，未扣除元旦、春节等法定节假日。国务院办公厅发布节假日安排后，请在
            <Link to="/calendar" style={{ textDecoration: 'underline' }}>
              工作日历
            </Link>
            中加载 {missing} 年的放假和调休上班日期。
          </>
        }
      />
    </AccessibleTheme>
  );
}
