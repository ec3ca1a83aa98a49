import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Row, Space, Table, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo } from 'react';
import { api, describeError, unwrap } from '../../../api/client';
import type { components } from '../../../api/schema';
import { hasRole } from '../../../auth/session';
import { PageTitle } from '../../../components/PageTitle';
import { chinaDateTime } from '../../../lib/dates';
import { SOURCE_LABELS, label } from '../../../lib/labels';
import { BarChart } from '../BarChart';
import { AccessibleTheme, StateTag, type Tone } from '../accessible';

type Row = components['schemas']['SourceReportRowDto'];

export const CIRCUIT_LABELS: Record<string, { text: string; tone: Tone; help: string }> = {
  CLOSED: { text: '正常', tone: 'good', help: '调用正常放行' },
  HALF_OPEN: { text: '试探恢复', tone: 'warn', help: '熔断后正在试探性调用' },
  OPEN: { text: '已熔断', tone: 'bad', help: '连续失败，暂停调用，稍后自动试探' },
  ISOLATED: { text: '已隔离', tone: 'bad', help: '已被手动隔离，不再调用' },
  UNKNOWN: { text: '无实例上报', tone: 'neutral', help: '最近没有核对进程上报该数据源的状态' },
};

function failureRate(r: Row): string {
  return r.calls === 0 ? '—' : `${((r.failures / r.calls) * 100).toFixed(1)}%`;
}

/** How often the page asks again: the report covers the last hour and the workers write their figures every second. */
const REFRESH_MS = 30_000;

function SourcesReportContent() {
  const allowed = hasRole('CITY_SUPERVISOR', 'VERIFICATION_OFFICER');
  const report = useQuery({
    queryKey: ['reports', 'sources'],
    enabled: allowed,
    refetchInterval: REFRESH_MS,
    queryFn: () => unwrap(api.GET('/api/v1/reports/sources')),
  });

  const rows = report.data?.sources ?? [];
  const names = useMemo(() => rows.map((r) => label(SOURCE_LABELS, r.source)), [rows]);
  const callSeries = useMemo(
    () => [
      { name: '成功', stack: 'calls', color: '#3b7dd8', values: rows.map((r) => r.calls - r.failures) },
      { name: '失败', stack: 'calls', color: '#d92d20', values: rows.map((r) => r.failures) },
      { name: '熔断拒绝', stack: 'calls', color: '#98a2b3', values: rows.map((r) => r.shortCircuited) },
    ],
    [rows],
  );
  const latencySeries = useMemo(
    () => [
      { name: 'P50', color: '#3b7dd8', values: rows.map((r) => r.latencyMs.p50 ?? 0) },
      { name: 'P95', color: '#f79009', values: rows.map((r) => r.latencyMs.p95 ?? 0) },
    ],
    [rows],
  );

  if (!allowed)
    return (
      <>
        <PageTitle title="数据源报表" />
        <Alert
          type="warning"
          showIcon
          title="无权查看"
          description="数据源报表仅供市级督导和县级核对机构查看。"
        />
      </>
    );

  const columns: ColumnsType<Row> = [
    {
      title: '部门',
      dataIndex: 'source',
      render: (s: string) => (
        <Space size={4}>
          <span>{label(SOURCE_LABELS, s)}</span>
          <Typography.Text type="secondary">{s}</Typography.Text>
        </Space>
      ),
    },
    { title: '调用次数', dataIndex: 'calls', align: 'right' },
    {
      title: '失败',
      dataIndex: 'failures',
      align: 'right',
      render: (v: number) => (v > 0 ? <Typography.Text type="danger">{v}</Typography.Text> : 0),
    },
    { title: '失败率', key: 'rate', align: 'right', render: (_: unknown, r) => failureRate(r) },
    { title: '熔断拒绝', dataIndex: 'shortCircuited', align: 'right' },
    {
      title: 'P50 延迟（毫秒）',
      key: 'p50',
      align: 'right',
      render: (_: unknown, r) => r.latencyMs.p50 ?? '—',
    },
    {
      title: 'P95 延迟（毫秒）',
      key: 'p95',
      align: 'right',
      render: (_: unknown, r) => r.latencyMs.p95 ?? '—',
    },
    {
      title: '熔断状态',
      dataIndex: 'circuit',
      render: (state: string, r) => {
        const c = CIRCUIT_LABELS[state] ?? { text: state, tone: 'neutral' as const, help: '' };
        const workers = Object.entries(r.workers)
          .map(([s, n]) => `${CIRCUIT_LABELS[s]?.text ?? s} ${String(n)} 个`)
          .join('，');
        return (
          <Tooltip title={`${c.help}${workers ? `（核对进程：${workers}）` : ''}`}>
            <StateTag tone={c.tone}>{c.text}</StateTag>
          </Tooltip>
        );
      },
    },
  ];

  const unhealthy = rows.filter((r) => r.circuit === 'OPEN' || r.circuit === 'ISOLATED');

  return (
    <>
      <PageTitle
        title="数据源报表"
        extra={
          <Button onClick={() => void report.refetch()} loading={report.isFetching}>
            刷新
          </Button>
        }
      />
      {report.isError ? <Alert type="error" showIcon title={describeError(report.error)} /> : null}
      {unhealthy.length > 0 ? (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title={`${unhealthy.map((r) => label(SOURCE_LABELS, r.source)).join('、')}暂停调用`}
          description="涉及这些部门的核对会等待其恢复；超过等待时限的核对项记为失败，案件转人工核查。"
        />
      ) : null}
      {report.data ? (
        <Typography.Paragraph type="secondary">
          统计时段：{chinaDateTime(report.data.from)} 至 {chinaDateTime(report.data.to)}（最近一小时，每 30
          秒自动刷新）
        </Typography.Paragraph>
      ) : null}
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        <Col xs={24} lg={12}>
          <Card size="small" title="调用次数">
            <BarChart
              label="各部门最近一小时的成功、失败和熔断拒绝调用次数柱状图，数据见下表"
              categories={names}
              series={callSeries}
              unit=" 次"
              height={260}
            />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title="延迟（毫秒）">
            <BarChart
              label="各部门最近一小时调用延迟的 P50 和 P95 柱状图，数据见下表"
              categories={names}
              series={latencySeries}
              unit=" 毫秒"
              height={260}
            />
          </Card>
        </Col>
      </Row>
      <Table<Row>
        rowKey="source"
        size="small"
        loading={report.isLoading}
        columns={columns}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 900 }}
      />
    </>
  );
}

export function SourcesReportPage() {
  return (
    <AccessibleTheme>
      <SourcesReportContent />
    </AccessibleTheme>
  );
}
