import { useMutation, useQuery } from '@tanstack/react-query';
import {
  Alert,
  AutoComplete,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Form,
  Input,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, describeError, unwrap } from '../../api/client';
import type { components } from '../../api/schema';
import { hasRole } from '../../auth/session';
import { PageTitle } from '../../components/PageTitle';
import { chinaDateTime } from '../../lib/dates';
import { ROLE_LABELS, label } from '../../lib/labels';
import { AuditAnchors } from './AuditAnchors';
import { AUDIT_ACTION_LABELS } from './audit-actions';
import { AccessibleTheme, StateTag } from '../reports/accessible';

type Entry = components['schemas']['AuditEntryDto'];

interface Filters {
  action?: string;
  actor?: string;
  applicationId?: string;
  from?: string;
  to?: string;
}

interface FormValues {
  action?: string;
  actor?: string;
  applicationId?: string;
  from?: Dayjs | null;
  to?: Dayjs | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A China calendar date as the instant its day starts (or ends) in China, for the API's from/to. */
function chinaDayBound(day: Dayjs, end: boolean): string {
  const date = day.format('YYYY-MM-DD');
  return end ? `${date}T23:59:59.999+08:00` : `${date}T00:00:00+08:00`;
}

function shortHash(hash: string): string {
  return `${hash.slice(0, 12)}…`;
}

function AuditContent() {
  const allowed = hasRole('AUDITOR', 'CITY_SUPERVISOR');
  const [form] = Form.useForm<FormValues>();
  const [filters, setFilters] = useState<Filters>({});
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);

  const list = useQuery({
    queryKey: ['audit', filters, page, pageSize],
    enabled: allowed,
    queryFn: () => unwrap(api.GET('/api/v1/audit', { params: { query: { ...filters, page, pageSize } } })),
  });

  const verify = useMutation({
    mutationFn: () => unwrap(api.GET('/api/v1/audit/verify', { params: { query: {} } })),
  });

  if (!allowed)
    return (
      <>
        <PageTitle title="审计查询" />
        <Alert type="warning" showIcon title="无权查看" description="审计记录仅供审计人员和市级督导查看。" />
      </>
    );

  const search = (values: FormValues): void => {
    setFilters({
      action: values.action?.trim() || undefined,
      actor: values.actor?.trim() || undefined,
      applicationId: values.applicationId?.trim() || undefined,
      from: values.from ? chinaDayBound(values.from, false) : undefined,
      to: values.to ? chinaDayBound(values.to, true) : undefined,
    });
    setPage(1);
  };

  const columns: ColumnsType<Entry> = [
    { title: '序号', dataIndex: 'seq', width: 80, align: 'right' },
    { title: '审计链', dataIndex: 'chain', width: 90 },
    { title: '时间', dataIndex: 'at', width: 150, render: (at: string) => chinaDateTime(at) },
    {
      title: '操作人',
      key: 'actor',
      render: (_: unknown, e) => (
        <Space size={4} wrap>
          <span>{e.actor.username ?? '（匿名）'}</span>
          {e.actor.role ? <Tag>{label(ROLE_LABELS, e.actor.role)}</Tag> : null}
        </Space>
      ),
    },
    {
      title: '操作',
      dataIndex: 'action',
      render: (action: string) => (
        <Space size={4} wrap>
          <span>{AUDIT_ACTION_LABELS[action] ?? action}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {action}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: '申请',
      dataIndex: 'applicationId',
      render: (id: string | null) => (id ? <Link to={`/applications/${id}`}>{id.slice(0, 8)}</Link> : '—'),
    },
    { title: 'IP', dataIndex: 'ip', width: 120, render: (ip: string | null) => ip ?? '—' },
  ];

  const v = verify.data;

  return (
    <>
      <PageTitle title="审计查询" />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Form<FormValues> form={form} layout="inline" onFinish={search} style={{ rowGap: 12 }}>
          <Form.Item name="action" label="操作类型">
            <AutoComplete
              style={{ width: 220 }}
              placeholder="如 application.viewed"
              allowClear
              options={Object.entries(AUDIT_ACTION_LABELS).map(([value, text]) => ({
                value,
                label: `${text}（${value}）`,
              }))}
              showSearch={{
                filterOption: (input, option) =>
                  String(option?.label ?? '')
                    .toLowerCase()
                    .includes(input.toLowerCase()),
              }}
            />
          </Form.Item>
          <Form.Item name="actor" label="用户名">
            <Input style={{ width: 160 }} allowClear />
          </Form.Item>
          <Form.Item
            name="applicationId"
            label="申请编号（ID）"
            rules={[{ pattern: UUID, message: '请输入申请的完整 ID（UUID）' }]}
          >
            <Input style={{ width: 300 }} allowClear placeholder="xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx" />
          </Form.Item>
          <Form.Item name="from" label="起始日期">
            <DatePicker />
          </Form.Item>
          <Form.Item
            name="to"
            label="截止日期"
            dependencies={['from']}
            rules={[
              ({ getFieldValue }) => ({
                validator: (_, value: Dayjs | null | undefined) => {
                  const from = getFieldValue('from') as Dayjs | null | undefined;
                  return !value || !from || !value.isBefore(from, 'day')
                    ? Promise.resolve()
                    : Promise.reject(new Error('截止日期不能早于起始日期'));
                },
              }),
            ]}
          >
            <DatePicker />
          </Form.Item>
          <Form.Item>
            <Space>
              <Button type="primary" htmlType="submit">
                查询
              </Button>
              <Button
                onClick={() => {
                  form.resetFields();
                  search({});
                }}
              >
                重置
              </Button>
            </Space>
          </Form.Item>
        </Form>
      </Card>

      {list.isError ? (
        <Alert type="error" showIcon style={{ marginBottom: 16 }} title={describeError(list.error)} />
      ) : null}

      <Table<Entry>
        rowKey={(e) => `${e.chain}-${e.seq}`}
        size="small"
        loading={list.isFetching}
        columns={columns}
        dataSource={list.data?.items ?? []}
        scroll={{ x: 1000 }}
        expandable={{
          expandedRowRender: (e) => (
            <Descriptions size="small" column={1} bordered>
              <Descriptions.Item label="区域">{e.areaCode}</Descriptions.Item>
              <Descriptions.Item label="详情">
                <pre style={{ margin: 0, whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
                  {JSON.stringify(e.detail, null, 2)}
                </pre>
              </Descriptions.Item>
              <Descriptions.Item label="前一条哈希">
                <code>{e.prevHash}</code>
              </Descriptions.Item>
              <Descriptions.Item label="本条哈希">
                <code>{e.hash}</code>
              </Descriptions.Item>
            </Descriptions>
          ),
        }}
        pagination={{
          current: page,
          pageSize,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100, 200],
          showTotal: (total) => `共 ${total} 条（按时间先后）`,
          onChange: (p, size) => {
            setPage(size === pageSize ? p : 1);
            setPageSize(size);
          },
        }}
      />

      <Card
        size="small"
        title="审计链校验"
        style={{ marginTop: 16 }}
        extra={
          <Button onClick={() => verify.mutate()} loading={verify.isPending}>
            校验审计链
          </Button>
        }
      >
        <Typography.Paragraph type="secondary">
          每个县（区）一条哈希链；校验逐条重算哈希，确认记录未被篡改或删除。
        </Typography.Paragraph>
        {verify.isError ? <Alert type="error" showIcon title={describeError(verify.error)} /> : null}
        {v ? (
          <>
            <Alert
              type={v.valid ? 'success' : 'error'}
              showIcon
              style={{ marginBottom: 12 }}
              title={v.valid ? '全部审计链校验通过' : '发现被篡改的审计链'}
            />
            <Table
              rowKey="chain"
              size="small"
              pagination={false}
              dataSource={v.chains}
              columns={[
                { title: '审计链', dataIndex: 'chain' },
                {
                  title: '结果',
                  dataIndex: 'valid',
                  render: (ok: boolean, c) =>
                    ok ? (
                      <StateTag tone="good">完整</StateTag>
                    ) : c.brokenAt == null && c.anchorMismatchAt != null ? (
                      <StateTag tone="bad">与锚点不符（第 {c.anchorMismatchAt} 条）</StateTag>
                    ) : (
                      <StateTag tone="bad">自第 {c.brokenAt ?? '?'} 条起不一致</StateTag>
                    ),
                },
                { title: '记录数', dataIndex: 'entries', align: 'right' },
                {
                  title: '链头哈希',
                  dataIndex: 'head',
                  render: (h: string) => (
                    <Typography.Text code copyable={{ text: h }}>
                      {shortHash(h)}
                    </Typography.Text>
                  ),
                },
              ]}
            />
          </>
        ) : null}
      </Card>
      {hasRole('AUDITOR') ? <AuditAnchors /> : null}
    </>
  );
}

export function AuditPage() {
  return (
    <AccessibleTheme>
      <AuditContent />
    </AccessibleTheme>
  );
}
