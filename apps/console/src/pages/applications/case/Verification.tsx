import { Alert, Card, Descriptions, Table, Tag, Typography } from 'antd';
import type { MemberView, VerificationRun } from '../../../api/types';
import {
  CHECK_COLORS,
  CHECK_LABELS,
  DISCREPANCY_LABELS,
  OUTCOME_LABELS,
  PROGRAMME_LABELS,
  RULE_LABELS,
  RULE_RESULT_LABELS,
  SOURCE_LABELS,
  label,
} from '../../../lib/labels';
import { yuan } from '../../../lib/money';

const SOURCES = Object.keys(SOURCE_LABELS);

/** The source × member grid of checks (SPEC 5.3). */
export function CheckGrid({ run, members }: { run: VerificationRun; members: MemberView[] }) {
  const byKey = new Map(run.checks.map((c) => [`${c.memberId}:${c.source}`, c]));
  const checked = members.filter((m) => run.checks.some((c) => c.memberId === m.id));
  return (
    <Table
      size="small"
      rowKey="id"
      pagination={false}
      scroll={{ x: true }}
      dataSource={checked}
      caption="各部门核对情况（成员 × 数据来源）"
      columns={[
        { title: '成员', dataIndex: 'name', fixed: 'left' },
        ...SOURCES.map((source) => ({
          title: label(SOURCE_LABELS, source),
          key: source,
          render: (_: unknown, m: MemberView) => {
            const check = byKey.get(`${m.id}:${source}`);
            if (!check) return '—';
            return (
              <Tag color={CHECK_COLORS[check.status]} title={check.error ?? undefined}>
                {label(CHECK_LABELS, check.status)}
              </Tag>
            );
          },
        })),
      ]}
    />
  );
}

interface ComparisonRow {
  key: string;
  member: string;
  item: string;
  declared: number | null;
  found: number | null;
  money: boolean;
}

/** 核对报告: declared against found per member and category, discrepancies highlighted, missing sources named. */
export function ReportView({ run, members }: { run: VerificationRun; members: MemberView[] }) {
  const report = run.report;
  if (!report) return null;
  const nameOf = (id: string): string => members.find((m) => m.id === id)?.name ?? id.slice(0, 8);
  const rows: ComparisonRow[] = report.members.flatMap((m) => {
    const who = nameOf(m.memberId);
    return [
      {
        key: `${m.memberId}-wage`,
        member: who,
        item: '工资收入（月）',
        declared: m.declared.income.wageFen,
        found: m.verified.income.wageFen,
        money: true,
      },
      {
        key: `${m.memberId}-transfer`,
        member: who,
        item: '转移性收入（月）',
        declared: m.declared.income.transferFen,
        found: m.verified.income.transferFen,
        money: true,
      },
      {
        key: `${m.memberId}-fin`,
        member: who,
        item: '金融资产',
        declared: m.declared.assets.financialAssetsFen,
        found: m.verified.assets.financialAssetsFen,
        money: true,
      },
      {
        key: `${m.memberId}-veh`,
        member: who,
        item: '机动车辆',
        declared: m.declared.assets.vehicles,
        found: m.verified.assets.vehicles,
        money: false,
      },
      {
        key: `${m.memberId}-dw`,
        member: who,
        item: '住房',
        declared: m.declared.assets.dwellings,
        found: m.verified.assets.dwellings,
        money: false,
      },
    ];
  });
  const h = report.household;
  return (
    <>
      {report.missingSources.length > 0 ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={`以下部门数据未能取得：${report.missingSources.map((s) => label(SOURCE_LABELS, s)).join('、')}。建议“需人工核查”，可在部门恢复后重新核对。`}
        />
      ) : null}
      {report.unverifiedMembers.length > 0 ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={`未授权、未核对的成员：${report.unverifiedMembers.map((u) => nameOf(u.memberId)).join('、')}`}
        />
      ) : null}
      <Descriptions size="small" bordered column={{ xs: 1, md: 3 }} style={{ marginBottom: 12 }}>
        <Descriptions.Item label="计入人数">{h.countedMembers}</Descriptions.Item>
        <Descriptions.Item label="家庭月收入（认定）">{yuan(h.assessedMonthlyIncomeFen)}</Descriptions.Item>
        <Descriptions.Item label="人均月收入">{yuan(h.perCapitaMonthlyIncomeFen)}</Descriptions.Item>
        <Descriptions.Item label="低保标准">{yuan(h.standardFen)}</Descriptions.Item>
        <Descriptions.Item label="金融资产">{yuan(h.financialAssetsFen)}</Descriptions.Item>
        <Descriptions.Item label="车辆 / 住房">{`${h.vehicles} 辆 / ${h.dwellings} 套`}</Descriptions.Item>
      </Descriptions>
      <Table<ComparisonRow>
        size="small"
        pagination={false}
        dataSource={rows}
        caption="申报与核对结果对比"
        rowClassName={(r) =>
          r.found !== null && r.declared !== null && r.found > r.declared ? 'hev-discrepancy' : ''
        }
        columns={[
          { title: '成员', dataIndex: 'member' },
          { title: '项目', dataIndex: 'item' },
          {
            title: '申报',
            dataIndex: 'declared',
            render: (v: number | null, r) => (r.money ? yuan(v) : (v ?? '—')),
          },
          {
            title: '核对',
            dataIndex: 'found',
            render: (v: number | null, r) => {
              const text = r.money ? yuan(v) : String(v ?? '—');
              return v !== null && r.declared !== null && v > r.declared ? (
                <Typography.Text type="danger" strong>
                  {text}（高于申报）
                </Typography.Text>
              ) : (
                text
              );
            },
          },
        ]}
      />
      <Typography.Title level={3} style={{ fontSize: 16, marginTop: 16 }}>
        发现的差异（{report.discrepancies.length}）
      </Typography.Title>
      {report.discrepancies.length === 0 ? (
        <Typography.Paragraph>申报与各部门数据一致，未发现差异。</Typography.Paragraph>
      ) : (
        <Table
          size="small"
          pagination={false}
          rowKey={(d) => `${d.memberId}-${d.code}-${d.source}`}
          dataSource={report.discrepancies}
          columns={[
            { title: '成员', dataIndex: 'memberId', render: (id: string) => nameOf(id) },
            {
              title: '差异',
              dataIndex: 'code',
              render: (c: string) => <Tag color="error">{label(DISCREPANCY_LABELS, c)}</Tag>,
            },
            { title: '发现部门', dataIndex: 'source', render: (s: string) => label(SOURCE_LABELS, s) },
            {
              title: '申报',
              dataIndex: 'declaredFen',
              render: (v?: number) => (v === undefined ? '—' : yuan(v)),
            },
            {
              title: '核对',
              dataIndex: 'foundFen',
              render: (v?: number) => (v === undefined ? '—' : yuan(v)),
            },
            { title: '说明', dataIndex: 'detail' },
          ]}
        />
      )}
    </>
  );
}

const RESULT_COLORS: Record<string, string> = { PASS: 'success', FAIL: 'error', REVIEW: 'warning' };

/** The recommendation rule by rule, with the figures it used and its legal basis (SPEC 6.3). */
export function RecommendationView({ run }: { run: VerificationRun }) {
  const r = run.recommendation;
  if (!r) return null;
  return (
    <Card size="small" title="系统建议" style={{ marginTop: 16 }}>
      <Descriptions size="small" column={{ xs: 1, md: 3 }}>
        <Descriptions.Item label="建议">
          <Tag
            color={r.outcome === 'ELIGIBLE' ? 'success' : r.outcome === 'INELIGIBLE' ? 'error' : 'warning'}
          >
            {label(OUTCOME_LABELS, r.outcome)}
          </Tag>
        </Descriptions.Item>
        <Descriptions.Item label="月救助金额">{yuan(r.monthlyBenefitFen)}</Descriptions.Item>
        <Descriptions.Item label="可转其他类别">
          {r.alternativeProgramme ? label(PROGRAMME_LABELS, r.alternativeProgramme) : '无'}
        </Descriptions.Item>
      </Descriptions>
      <Table
        size="small"
        pagination={false}
        rowKey="id"
        dataSource={r.rules}
        caption="逐条规则"
        columns={[
          { title: '规则', dataIndex: 'id', render: (id: string) => label(RULE_LABELS, id) },
          {
            title: '结果',
            dataIndex: 'result',
            render: (v: string) => <Tag color={RESULT_COLORS[v]}>{label(RULE_RESULT_LABELS, v)}</Tag>,
          },
          { title: '依据数据', dataIndex: 'detail' },
          { title: '政策依据', dataIndex: 'legalBasis' },
        ]}
      />
    </Card>
  );
}
