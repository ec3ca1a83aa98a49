import { Alert, Button, Form, Input, Select, Space, Table } from 'antd';
import { Link, useSearchParams } from 'react-router';
import { describeError } from '../../api/client';
import { useApplications, type ApplicationsQuery } from '../../api/hooks';
import type { ApplicationSummary } from '../../api/types';
import { hasRole } from '../../auth/session';
import { PageTitle } from '../../components/PageTitle';
import { StatusTag } from '../../components/StatusTag';
import { chinaDateTime } from '../../lib/dates';
import { PROGRAMME_LABELS, STATUS_LABELS, label } from '../../lib/labels';

const STATUS_OPTIONS = Object.entries(STATUS_LABELS).map(([value, text]) => ({ value, label: text }));
const PROGRAMME_OPTIONS = Object.entries(PROGRAMME_LABELS).map(([value, text]) => ({ value, label: text }));

/** The query of the list, read from and written to the URL (a link or a reload shows the same page of results). */
function queryOf(params: URLSearchParams): ApplicationsQuery {
  const query: ApplicationsQuery = {};
  const status = params.get('status');
  if (status && status in STATUS_LABELS) query.status = status as ApplicationsQuery['status'];
  const programme = params.get('programme');
  if (programme && programme in PROGRAMME_LABELS)
    query.programme = programme as ApplicationsQuery['programme'];
  const areaCode = params.get('areaCode');
  if (areaCode && /^\d{6,12}$/.test(areaCode)) query.areaCode = areaCode;
  const q = params.get('q')?.trim();
  if (q) query.q = q.slice(0, 100);
  const page = Number(params.get('page'));
  if (Number.isInteger(page) && page >= 1 && page <= 10_000) query.page = page;
  query.pageSize = 20;
  return query;
}

/** /applications: every case in the user's scope, filtered and paged by the URL. */
export function ApplicationListPage() {
  const [params, setParams] = useSearchParams();
  const query = queryOf(params);
  const { data, isLoading, error } = useApplications(query);

  const update = (changes: Record<string, string | undefined>): void => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    if (!('page' in changes)) next.delete('page');
    setParams(next);
  };

  return (
    <>
      <PageTitle
        title="申请列表"
        extra={
          hasRole('STATION_OPERATOR') ? (
            <Link to="/applications/new">
              <Button type="primary">新建申请</Button>
            </Link>
          ) : null
        }
      />
      <Form
        layout="inline"
        style={{ marginBottom: 16, rowGap: 8 }}
        onFinish={(v: { q?: string }) => update({ q: v.q })}
      >
        <Form.Item label="状态" htmlFor="filter-status">
          <Select
            id="filter-status"
            allowClear
            style={{ width: 140 }}
            placeholder="全部"
            options={STATUS_OPTIONS}
            value={query.status}
            onChange={(v: string | undefined) => update({ status: v })}
          />
        </Form.Item>
        <Form.Item label="救助类别" htmlFor="filter-programme">
          <Select
            id="filter-programme"
            allowClear
            style={{ width: 150 }}
            placeholder="全部"
            options={PROGRAMME_OPTIONS}
            value={query.programme}
            onChange={(v: string | undefined) => update({ programme: v })}
          />
        </Form.Item>
        <Form.Item label="区划代码" htmlFor="filter-area">
          <Input
            id="filter-area"
            style={{ width: 130 }}
            defaultValue={query.areaCode}
            placeholder="如 431102001"
            onBlur={(e) => update({ areaCode: e.target.value.trim() || undefined })}
          />
        </Form.Item>
        <Form.Item label="编号或姓名" name="q" htmlFor="filter-q" initialValue={query.q}>
          <Input id="filter-q" allowClear style={{ width: 200 }} />
        </Form.Item>
        <Space>
          <Button htmlType="submit">查询</Button>
          <Button onClick={() => setParams(new URLSearchParams())}>重置</Button>
        </Space>
      </Form>
      {error ? (
        <Alert type="error" showIcon title={describeError(error)} style={{ marginBottom: 16 }} />
      ) : null}
      <Table<ApplicationSummary>
        rowKey="id"
        loading={isLoading}
        dataSource={data?.items ?? []}
        locale={{ emptyText: '没有符合条件的申请' }}
        pagination={{
          current: data?.page ?? query.page ?? 1,
          pageSize: data?.pageSize ?? 20,
          total: data?.total ?? 0,
          showSizeChanger: false,
          showTotal: (total) => `共 ${total} 件`,
          onChange: (page) => update({ page: String(page) }),
        }}
        columns={[
          {
            title: '申请编号',
            dataIndex: 'number',
            render: (number: string, row) => <Link to={`/applications/${row.id}`}>{number}</Link>,
          },
          { title: '申请人', dataIndex: 'applicantName' },
          { title: '救助类别', dataIndex: 'programme', render: (p: string) => label(PROGRAMME_LABELS, p) },
          { title: '状态', dataIndex: 'status', render: (s: string) => <StatusTag status={s} /> },
          { title: '人数', dataIndex: 'members' },
          { title: '乡镇', dataIndex: 'townshipCode' },
          { title: '提交时间', dataIndex: 'createdAt', render: (t: string) => chinaDateTime(t) },
        ]}
      />
    </>
  );
}
