import { Placeholder } from '../../components/Placeholder';
import { NextYearCalendarWarning } from '../calendar/NextYearCalendarWarning';

export function DashboardPage() {
  return (
    <>
      <NextYearCalendarWarning />
      <Placeholder title="工作台" />
    </>
  );
}
