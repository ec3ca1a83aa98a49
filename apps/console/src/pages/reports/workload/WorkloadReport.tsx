import { useQuery } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Col,
  Row,
  Select,
  Space,
  Statistic,
  Switch,
  Table,
  Tooltip,
  Typography,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useId, useMemo, useState } from 'react';
import { api, describeError, unwrap } from '../../../api/client';
import type { components } from '../../../api/schema';
import { hasRole, session } from '../../../auth/session';
import { PageTitle } from '../../../components/PageTitle';
import { chinaDateTime } from '../../../lib/dates';
import { STATUS_LABELS } from '../../../lib/labels';
import { BarChart } from '../BarChart';
import { useAreaOptions } from '../useAreaOptions';
import { AccessibleTheme, StateTag, type Tone } from '../accessible';

type Township = components['schemas']['TownshipWorkloadDto'];

const OPEN_STATUSES = [
  'AWAITING_AUTHORIZATION',
  'VERIFYING',
  'VERIFIED',
  'IN_PUBLIC_NOTICE',
  'AWAITING_COUNTY_DECISION',
] as const;

/** The 2014 opinion asks for 1–2 verification staff per station: at most two is thin, none means no intake. */
export function staffingOf(t: Pick<Township, 'staff' | 'understaffed'>): { text: string; tone: Tone } | null {
  if (t.understaffed) return { text: '无核对人员', tone: 'bad' };
  if (t.staff.total <= 2) return { text: `仅${t.staff.total}人`, tone: 'warn' };
  return null;
}

/** How many townships the chart shows (a city has about 195; the table lists all). */
const CHART_TOWNSHIPS = 15;

function WorkloadReportContent() {
  const user = session.user;
  const allowed = hasRole('CITY_SUPERVISOR', 'COUNTY_APPROVER');
  const [areaCode, setAreaCode] = useState<string | undefined>(user?.areaCode);
  const [thinOnly, setThinOnly] = useState(false);
  const areaLabel = useId();
  const thinLabel = useId();
  const areas = useAreaOptions(allowed ? user?.areaCode : undefined);

  const report = useQuery({
    queryKey: ['reports', 'workload', areaCode],
    enabled: allowed && Boolean(areaCode),
    queryFn: () => unwrap(api.GET('/api/v1/reports/workload', { params: { query: { areaCode } } })),
  });

  const rows = useMemo(() => {
    const list = report.data?.townships ?? [];
    const filtered = thinOnly ? list.filter((t) => staffingOf(t) !== null) : list;
    // Most pressing first: overdue, then open cases.
    return [...filtered].sort((a, b) => b.overdue - a.overdue || b.openTotal - a.openTotal);
  }, [report.data, thinOnly]);

  const chartRows = useMemo(
    () =>
      rows
        .filter((t) => t.openTotal > 0)
        .sort((a, b) => b.openTotal - a.openTotal)
        .slice(0, CHART_TOWNSHIPS),
    [rows],
  );
  const chartSeries = useMemo(
    () =>
      OPEN_STATUSES.map((s) => ({
        name: STATUS_LABELS[s] ?? s,
        stack: 'open',
        values: chartRows.map((t) => t.open[s] ?? 0),
      })),
    [chartRows],
  );
  const chartCategories = useMemo(
    () => chartRows.map((t) => `${t.name}（${t.staff.total}人${t.understaffed ? '，无核对员' : ''}）`),
    [chartRows],
  );

  if (!allowed)
    return (
      <>
        <PageTitle title="工作量报表" />
        <Alert
          type="warning"
          showIcon
          title="无权查看"
          description="工作量报表仅供市级督导和县级民政审核确认人员查看。"
        />
      </>
    );

  const columns: ColumnsType<Township> = [
    {
      title: '乡镇（街道）',
      dataIndex: 'name',
      fixed: 'left',
      width: 170,
      render: (name: string, t) => (
        <Space size={4} wrap>
          <span>{name}</span>
          <Typography.Text type="secondary">{t.townshipCode}</Typography.Text>
        </Space>
      ),
    },
    ...OPEN_STATUSES.map((s) => ({
      title: STATUS_LABELS[s] ?? s,
      key: s,
      align: 'right' as const,
      render: (_: unknown, t: Township) => t.open[s] ?? 0,
      sorter: (a: Township, b: Township) => (a.open[s] ?? 0) - (b.open[s] ?? 0),
    })),
    {
      title: '在办合计',
      dataIndex: 'openTotal',
      align: 'right',
      sorter: (a, b) => a.openTotal - b.openTotal,
    },
    {
      title: '近30天办结',
      dataIndex: 'decidedLast30Days',
      align: 'right',
      sorter: (a, b) => a.decidedLast30Days - b.decidedLast30Days,
    },
    {
      title: '办结天数中位数',
      dataIndex: 'medianDaysToDecision',
      align: 'right',
      render: (v: number | null) => (v === null ? '—' : v.toFixed(1)),
      sorter: (a, b) => (a.medianDaysToDecision ?? -1) - (b.medianDaysToDecision ?? -1),
    },
    {
      title: '超期',
      dataIndex: 'overdue',
      align: 'right',
      render: (v: number) => (v > 0 ? <StateTag tone="bad">{v}</StateTag> : 0),
      sorter: (a, b) => a.overdue - b.overdue,
    },
    {
      title: '站点人员',
      key: 'staff',
      width: 230,
      render: (_: unknown, t) => {
        const staffing = staffingOf(t);
        return (
          <Space size={4} wrap>
            <Tooltip
              title={`核对站工作人员 ${t.staff.stationOperators} 人，乡镇审核人员 ${t.staff.townshipReviewers} 人`}
            >
              <span>
                {t.staff.total} 人（核对 {t.staff.stationOperators} / 审核 {t.staff.townshipReviewers}）
              </span>
            </Tooltip>
            {staffing ? <StateTag tone={staffing.tone}>{staffing.text}</StateTag> : null}
          </Space>
        );
      },
      sorter: (a, b) => a.staff.total - b.staff.total,
    },
  ];

  const totals = report.data?.totals;
  const thin = (report.data?.townships ?? []).filter((t) => staffingOf(t) !== null).length;
  const none = (report.data?.townships ?? []).filter((t) => t.understaffed).length;

  return (
    <>
      <PageTitle
        title="工作量报表"
        extra={
          <Button onClick={() => void report.refetch()} loading={report.isFetching}>
            刷新
          </Button>
        }
      />
      <Space wrap style={{ marginBottom: 16 }} size="large">
        <Space>
          <label id={areaLabel}>统计范围</label>
          <Select
            aria-labelledby={areaLabel}
            style={{ minWidth: 220 }}
            value={areaCode}
            onChange={setAreaCode}
            loading={areas.isLoading}
            options={areas.data ?? (user ? [{ value: user.areaCode, label: user.areaCode }] : [])}
            showSearch={{ optionFilterProp: 'label' }}
          />
        </Space>
        <Space>
          <Switch aria-labelledby={thinLabel} checked={thinOnly} onChange={setThinOnly} />
          <label id={thinLabel}>只看人员不足（1–2 人或无核对人员）的站点</label>
        </Space>
      </Space>

      {report.isError ? <Alert type="error" showIcon title={describeError(report.error)} /> : null}

      {totals ? (
        <>
          <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
            <Col xs={12} md={4}>
              <Card size="small">
                <Statistic title="在办案件" value={totals.openTotal} />
              </Card>
            </Col>
            <Col xs={12} md={4}>
              <Card size="small">
                <Statistic title="近30天办结" value={totals.decidedLast30Days} />
              </Card>
            </Col>
            <Col xs={12} md={4}>
              <Card size="small">
                <Statistic
                  title="办结天数中位数"
                  value={totals.medianDaysToDecision ?? '—'}
                  precision={totals.medianDaysToDecision === null ? undefined : 1}
                />
              </Card>
            </Col>
            <Col xs={12} md={4}>
              <Card size="small">
                <Statistic
                  title="超期案件"
                  value={totals.overdue}
                  styles={{ content: { color: totals.overdue > 0 ? '#b42318' : undefined } }}
                />
              </Card>
            </Col>
            <Col xs={12} md={4}>
              <Card size="small">
                <Statistic title="站点人员" value={totals.staff} suffix="人" />
              </Card>
            </Col>
            <Col xs={12} md={4}>
              <Card size="small">
                <Statistic
                  title="人员不足的站点"
                  value={thin}
                  suffix={`/ ${report.data?.townships.length ?? 0}`}
                  styles={{ content: { color: thin > 0 ? '#b54708' : undefined } }}
                />
              </Card>
            </Col>
          </Row>
          {none > 0 ? (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 16 }}
              title={`${none} 个乡镇（街道）没有核对站工作人员，无法受理申请`}
              description="《关于加强最低生活保障家庭经济状况核对工作的意见》要求每个核对站配备 1–2 名工作人员。"
            />
          ) : null}
          <Card
            size="small"
            title={`在办案件最多的乡镇（按状态，最多 ${CHART_TOWNSHIPS} 个，括号内为站点人员）`}
            style={{ marginBottom: 16 }}
          >
            {chartRows.length > 0 ? (
              <BarChart
                label={`各乡镇在办案件数按状态堆叠的柱状图，共 ${chartRows.length} 个乡镇，数据见下表`}
                categories={chartCategories}
                series={chartSeries}
                horizontal
                unit=" 件"
                height={Math.max(200, chartRows.length * 30 + 60)}
              />
            ) : (
              <Typography.Text type="secondary">没有在办案件。</Typography.Text>
            )}
          </Card>
        </>
      ) : null}

      <Table<Township>
        rowKey="townshipCode"
        size="small"
        loading={report.isLoading}
        columns={columns}
        dataSource={rows}
        scroll={{ x: 1250 }}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (n) => `共 ${n} 个乡镇（街道）` }}
        caption={
          report.data ? (
            <Typography.Text type="secondary">
              {report.data.areaCode} · 生成于 {chinaDateTime(report.data.generatedAt)} · 办结统计近{' '}
              {report.data.windowDays} 天
            </Typography.Text>
          ) : undefined
        }
      />
    </>
  );
}

export function WorkloadReportPage() {
  return (
    <AccessibleTheme>
      <WorkloadReportContent />
    </AccessibleTheme>
  );
}
