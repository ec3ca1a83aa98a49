import { Card, Col, Row, Statistic, Typography } from 'antd';
import { Link } from 'react-router';
import { useApplications, type ApplicationsQuery } from '../../api/hooks';
import { hasRole, session } from '../../auth/session';
import { PageTitle } from '../../components/PageTitle';
import { NextYearCalendarWarning } from '../calendar/NextYearCalendarWarning';

interface Queue {
  title: string;
  status: NonNullable<ApplicationsQuery['status']>;
}

/** The queues of each role (CONSOLE.md): what the user has to do next, with counts, one click from the list. */
function queuesFor(): Queue[] {
  const queues: Queue[] = [];
  const add = (q: Queue): void => {
    if (!queues.some((x) => x.status === q.status)) queues.push(q);
  };
  // A station clerk who also reviews sees the reviewer's name for verified cases: 待初审 is the next step.
  if (hasRole('TOWNSHIP_REVIEWER')) {
    add({ title: '待初审', status: 'VERIFIED' });
    add({ title: '公示中', status: 'IN_PUBLIC_NOTICE' });
  }
  if (hasRole('STATION_OPERATOR')) {
    add({ title: '待补授权', status: 'AWAITING_AUTHORIZATION' });
    add({ title: '核对中', status: 'VERIFYING' });
    add({ title: '核对完成', status: 'VERIFIED' });
  }
  if (hasRole('COUNTY_APPROVER', 'VERIFICATION_OFFICER'))
    add({ title: '待审核确认', status: 'AWAITING_COUNTY_DECISION' });
  if (hasRole('CITY_SUPERVISOR', 'AUDITOR', 'ADMIN')) {
    add({ title: '核对中', status: 'VERIFYING' });
    add({ title: '公示中', status: 'IN_PUBLIC_NOTICE' });
    add({ title: '待审核确认', status: 'AWAITING_COUNTY_DECISION' });
    add({ title: '已批准', status: 'APPROVED' });
  }
  return queues;
}

function QueueCard({ queue }: { queue: Queue }) {
  const { data, isLoading, error } = useApplications({ status: queue.status, pageSize: 1 });
  return (
    <Card>
      <Link to={`/applications?status=${queue.status}`}>
        <Statistic
          title={queue.title}
          value={error ? '—' : (data?.total ?? 0)}
          loading={isLoading}
          suffix="件"
        />
      </Link>
    </Card>
  );
}

/** / — 工作台. */
export function DashboardPage() {
  const user = session.user;
  const queues = queuesFor();
  return (
    <>
      <PageTitle title="工作台" />
      <NextYearCalendarWarning />
      <Typography.Paragraph>您好，{user?.username}。以下是您辖区内需要处理的事项：</Typography.Paragraph>
      <Row gutter={[16, 16]}>
        {queues.map((q) => (
          <Col key={q.status} xs={24} sm={12} md={8} lg={6}>
            <QueueCard queue={q} />
          </Col>
        ))}
      </Row>
    </>
  );
}
