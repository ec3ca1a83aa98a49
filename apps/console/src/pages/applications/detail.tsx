import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Form,
  Input,
  Modal,
  Radio,
  Select,
  Space,
  Steps,
  Table,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useParams } from 'react-router';
import { api, ApiError, describeError, unwrap } from '../../api/client';
import {
  useApplication,
  useApplicationAudit,
  useDecisionRecord,
  useInvalidateApplication,
  useMutation,
  usePublicKeys,
  useVerification,
} from '../../api/hooks';
import type { ApplicationView, MemberView } from '../../api/types';
import { session } from '../../auth/session';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { StatusTag } from '../../components/StatusTag';
import { ACTION_LABELS, availableActions, explainRefusal, type CaseAction } from '../../lib/actions';
import { chinaDate, chinaDateTime, chinaToday } from '../../lib/dates';
import { SEX_LABELS } from '../../lib/id-number';
import {
  DECISION_LABELS,
  EMPLOYMENT_LABELS,
  OPINION_LABELS,
  OUTCOME_LABELS,
  PROGRAMME_LABELS,
  RELATION_LABELS,
  RESIDENCE_LABELS,
  label,
} from '../../lib/labels';
import { yuan } from '../../lib/money';
import { verifyRecord, type SignatureCheck } from '../../lib/signature';
import { CheckGrid, RecommendationView, ReportView } from './case/Verification';

const STEP_OF: Record<string, number> = {
  AWAITING_AUTHORIZATION: 0,
  VERIFYING: 1,
  VERIFIED: 2,
  IN_PUBLIC_NOTICE: 3,
  AWAITING_COUNTY_DECISION: 4,
  APPROVED: 5,
  REJECTED: 5,
  WITHDRAWN: -1,
};

function CaseSteps({ app }: { app: ApplicationView }) {
  const current = STEP_OF[app.status] ?? 0;
  const status = app.status === 'WITHDRAWN' ? 'error' : app.status === 'REJECTED' ? 'error' : 'process';
  return (
    <Steps
      style={{ margin: '16px 0 24px' }}
      current={current === -1 ? 0 : Math.min(current, 4)}
      status={current === 5 ? (app.status === 'APPROVED' ? 'finish' : 'error') : status}
      items={[
        { title: '授权', description: current === 0 ? '待补授权' : undefined },
        { title: '核对', description: current === 1 ? '各部门核对中' : undefined },
        { title: '初审', description: current === 2 ? '待乡镇初审' : undefined },
        {
          title: '公示',
          description: app.publicNotice ? `至 ${chinaDate(app.publicNotice.endsAt)}` : undefined,
        },
        {
          title: '审核确认',
          description: app.deadlines.countyDecisionDueOn
            ? `期限 ${app.deadlines.countyDecisionDueOn}`
            : undefined,
        },
      ]}
    />
  );
}

type ModalKind = Exclude<CaseAction, 'VIEW_AUDIT' | 'VIEW_DECISION_RECORD' | 'REVOKE_AUTHORIZATION'> | null;

/** /applications/{id}: the case, top to bottom the way it moves (CONSOLE.md). */
export function ApplicationPage() {
  const { id = '' } = useParams();
  const { message } = App.useApp();
  const application = useApplication(id);
  const app = application.data;
  const running = app?.status === 'VERIFYING';
  const verification = useVerification(id, running ?? false);
  const invalidate = useInvalidateApplication();
  const user = session.user;
  const [notice, setNotice] = useState<{ type: 'error' | 'success' | 'warning'; text: string } | null>(null);
  const [modal, setModal] = useState<ModalKind>(null);
  const [authMember, setAuthMember] = useState<MemberView | null>(null);

  // When verification finishes, the case view (status, recommendation) changes too.
  const runStatus = verification.data?.status;
  useEffect(() => {
    if (runStatus && runStatus !== 'RUNNING' && app?.status === 'VERIFYING') void invalidate(id);
  }, [runStatus, app?.status, id, invalidate]);

  const actions =
    app && user
      ? availableActions(user.roles, { status: app.status, reviewedBy: app.townshipReview?.reviewedBy }, user)
      : [];
  const may = (a: CaseAction): boolean => actions.some((x) => x.action === a && x.allowed);
  const audit = useApplicationAudit(id, may('VIEW_AUDIT'));
  const record = useDecisionRecord(id, may('VIEW_DECISION_RECORD') && Boolean(app?.recommendation));

  const act = useMutation({
    mutationFn: async ({ action, run }: { action: CaseAction; run: () => Promise<unknown> }) => {
      try {
        await run();
        return action;
      } catch (error) {
        throw Object.assign(error instanceof Error ? error : new Error(String(error)), { action });
      }
    },
    onSuccess: (action) => {
      setModal(null);
      setAuthMember(null);
      setNotice({ type: 'success', text: `${ACTION_LABELS[action]}已完成` });
      void message.success(`${ACTION_LABELS[action]}已完成`);
      void invalidate(id);
    },
    onError: (error: Error & { action?: CaseAction }) => {
      const action = error.action ?? 'WITHDRAW';
      const body = error instanceof ApiError ? { ...error.body, statusCode: error.status } : {};
      setNotice({ type: 'error', text: explainRefusal(action, body) });
      if (error instanceof ApiError && error.status === 400 && error.body.errors?.length)
        setNotice({
          type: 'error',
          text: `提交的内容有误：${error.body.errors.map((e) => `${e.path} ${e.message}`).join('；')}`,
        });
      // A conflict means the case changed under us: show the current state.
      if (error instanceof ApiError && error.status === 409) {
        setModal(null);
        void invalidate(id);
      }
    },
  });

  if (application.isLoading) return <Loading />;
  if (application.error || !app)
    return (
      <>
        <PageTitle title="申请详情" />
        <Alert
          type="error"
          showIcon
          title={
            application.error instanceof ApiError && application.error.status === 404
              ? '申请不存在，或不在您的辖区范围内'
              : describeError(application.error)
          }
        />
      </>
    );

  const run = (action: CaseAction, call: () => Promise<unknown>): void => {
    setNotice(null);
    act.mutate({ action, run: call });
  };
  const path = { params: { path: { id } } };
  const blocked = actions.filter(
    (a) => !a.allowed && a.action !== 'VIEW_AUDIT' && a.action !== 'VIEW_DECISION_RECORD',
  );

  return (
    <>
      <PageTitle
        title={`申请 ${app.number}`}
        extra={
          <Space>
            <StatusTag status={app.status} />
            {app.deadlines.overdue ? <Tag color="error">已超期</Tag> : null}
          </Space>
        }
      />
      <Descriptions size="small" bordered column={{ xs: 1, md: 3 }}>
        <Descriptions.Item label="救助类别">{label(PROGRAMME_LABELS, app.programme)}</Descriptions.Item>
        <Descriptions.Item label="户籍类型">{label(RESIDENCE_LABELS, app.residence)}</Descriptions.Item>
        <Descriptions.Item label="乡镇">{app.townshipCode}</Descriptions.Item>
        <Descriptions.Item label="地址" span={2}>
          {app.address}
        </Descriptions.Item>
        <Descriptions.Item label="提交时间">{chinaDateTime(app.createdAt)}</Descriptions.Item>
        <Descriptions.Item label="办结期限">{app.deadlines.decisionDueOn}</Descriptions.Item>
        <Descriptions.Item label="审核确认期限">{app.deadlines.countyDecisionDueOn ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="系统建议">
          {app.recommendation
            ? `${label(OUTCOME_LABELS, app.recommendation.outcome)}，${yuan(app.recommendation.monthlyBenefitFen)}/月`
            : '—'}
        </Descriptions.Item>
      </Descriptions>
      <CaseSteps app={app} />

      {notice ? (
        <Alert
          type={notice.type}
          showIcon
          role="alert"
          title={notice.text}
          closable
          onClose={() => setNotice(null)}
          style={{ marginBottom: 16 }}
        />
      ) : null}

      <Card size="small" title="可办理事项" style={{ marginBottom: 16 }}>
        <Space wrap>
          {may('REVERIFY') ? (
            <Button
              loading={act.isPending}
              onClick={() =>
                run('REVERIFY', () => unwrap(api.POST('/api/v1/applications/{id}/reverify', path)))
              }
            >
              重新核对
            </Button>
          ) : null}
          {may('TOWNSHIP_REVIEW') ? (
            <Button type="primary" onClick={() => setModal('TOWNSHIP_REVIEW')}>
              初审
            </Button>
          ) : null}
          {may('OBJECTION') ? <Button onClick={() => setModal('OBJECTION')}>登记异议</Button> : null}
          {may('DECIDE') ? (
            <Button type="primary" onClick={() => setModal('DECIDE')}>
              审核确认
            </Button>
          ) : null}
          {may('WITHDRAW') ? (
            <Button danger onClick={() => setModal('WITHDRAW')}>
              撤回申请
            </Button>
          ) : null}
        </Space>
        {blocked.length > 0 ? (
          <ul style={{ margin: '8px 0 0', paddingLeft: 20 }}>
            {blocked.map((b) => (
              <li key={b.action}>
                <Typography.Text type="secondary">{b.reason}</Typography.Text>
              </li>
            ))}
          </ul>
        ) : null}
        {actions.filter((a) => a.allowed && a.action !== 'VIEW_AUDIT' && a.action !== 'VIEW_DECISION_RECORD')
          .length === 0 && blocked.length === 0 ? (
          <Typography.Text type="secondary">您的角色在此案件上没有可办理的事项。</Typography.Text>
        ) : null}
      </Card>

      <Card size="small" title="家庭成员与授权" style={{ marginBottom: 16 }}>
        <Table<MemberView>
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={app.members}
          scroll={{ x: true }}
          columns={[
            { title: '姓名', dataIndex: 'name' },
            { title: '身份证号', dataIndex: 'idNumberMasked' },
            { title: '关系', dataIndex: 'relation', render: (r: string) => label(RELATION_LABELS, r) },
            { title: '性别', dataIndex: 'sex', render: (s: 'M' | 'F') => SEX_LABELS[s] },
            { title: '年龄', dataIndex: 'age' },
            { title: '就业', dataIndex: 'employment', render: (e: string) => label(EMPLOYMENT_LABELS, e) },
            { title: '计入', dataIndex: 'counted', render: (c: boolean) => (c ? '是' : '否') },
            {
              title: '申报月收入',
              key: 'income',
              render: (_: unknown, m) =>
                yuan(
                  m.declaredMonthlyIncome.wageFen +
                    m.declaredMonthlyIncome.businessFen +
                    m.declaredMonthlyIncome.propertyFen +
                    m.declaredMonthlyIncome.transferFen,
                ),
            },
            {
              title: '授权',
              key: 'authorization',
              render: (_: unknown, m) =>
                m.authorization ? (
                  <span>
                    {m.authorization.signedAt}（{m.authorization.documentRef}）
                  </span>
                ) : (
                  <Tag color="warning">未授权</Tag>
                ),
            },
            ...(may('RECORD_AUTHORIZATION')
              ? [
                  {
                    title: '操作',
                    key: 'ops',
                    render: (_: unknown, m: MemberView) => (
                      <Space>
                        <Button
                          size="small"
                          onClick={() => setAuthMember(m)}
                          aria-label={`登记授权：${m.name}`}
                        >
                          登记授权
                        </Button>
                        {m.authorization && may('REVOKE_AUTHORIZATION') ? (
                          <Button
                            size="small"
                            danger
                            aria-label={`撤销授权：${m.name}`}
                            onClick={() =>
                              run('REVOKE_AUTHORIZATION', () =>
                                unwrap(
                                  api.DELETE('/api/v1/applications/{id}/members/{memberId}/authorization', {
                                    params: { path: { id, memberId: m.id } },
                                  }),
                                ),
                              )
                            }
                          >
                            撤销授权
                          </Button>
                        ) : null}
                      </Space>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>

      <Card size="small" title="核对" style={{ marginBottom: 16 }}>
        {verification.isLoading ? <Loading /> : null}
        {verification.error instanceof ApiError && verification.error.status === 404 ? (
          <Typography.Paragraph>尚未开始核对（所有计入成员授权后自动开始）。</Typography.Paragraph>
        ) : null}
        {verification.data ? (
          <>
            {verification.data.status === 'RUNNING' ? (
              <Alert
                type="info"
                showIcon
                title="正在向各部门核对，页面会自动刷新…"
                style={{ marginBottom: 12 }}
              />
            ) : null}
            <CheckGrid run={verification.data} members={app.members} />
            <Typography.Title level={2} style={{ fontSize: 18, marginTop: 16 }}>
              核对报告
            </Typography.Title>
            <ReportView run={verification.data} members={app.members} />
            <RecommendationView run={verification.data} />
          </>
        ) : null}
      </Card>

      {app.townshipReview || app.publicNotice || app.decision ? (
        <Card size="small" title="审批过程" style={{ marginBottom: 16 }}>
          <Descriptions size="small" column={1}>
            {app.townshipReview ? (
              <Descriptions.Item label="乡镇初审">
                {label(OPINION_LABELS, app.townshipReview.opinion)}：{app.townshipReview.comment}（
                {app.townshipReview.reviewedBy}，{chinaDateTime(app.townshipReview.reviewedAt)}
                {app.townshipReview.investigation
                  ? `；入户调查 ${app.townshipReview.investigation.visitedOn}，${app.townshipReview.investigation.investigators.join('、')}`
                  : ''}
                ）
              </Descriptions.Item>
            ) : null}
            {app.publicNotice ? (
              <Descriptions.Item label="公示">
                {chinaDateTime(app.publicNotice.startedAt)} 至 {chinaDateTime(app.publicNotice.endsAt)}
                {app.publicNotice.objections.length > 0
                  ? `；异议：${app.publicNotice.objections.map((o) => `${o.receivedOn} ${o.summary}`).join('；')}`
                  : '；无异议'}
              </Descriptions.Item>
            ) : null}
            {app.decision ? (
              <Descriptions.Item label="审核确认">
                {label(DECISION_LABELS, app.decision.decision)}
                {app.decision.monthlyBenefitFen !== null
                  ? `，月救助金 ${yuan(app.decision.monthlyBenefitFen)}`
                  : ''}
                {app.decision.effectiveMonth ? `，自 ${app.decision.effectiveMonth} 起` : ''}
                {app.decision.reason ? `，理由：${app.decision.reason}` : ''}（{app.decision.decidedBy}）
              </Descriptions.Item>
            ) : null}
          </Descriptions>
        </Card>
      ) : null}

      {record.data ? <DecisionRecordCard record={record.data} /> : null}

      {audit.data ? (
        <Card size="small" title="审计记录" style={{ marginBottom: 16 }}>
          <Table
            size="small"
            rowKey="seq"
            pagination={{ pageSize: 10 }}
            dataSource={audit.data.items}
            columns={[
              { title: '时间', dataIndex: 'at', render: (t: string) => chinaDateTime(t) },
              { title: '操作', dataIndex: 'action' },
              { title: '操作人', key: 'actor', render: (_: unknown, e) => e.actor.username ?? '系统' },
              { title: '序号', dataIndex: 'seq' },
            ]}
          />
        </Card>
      ) : null}

      <TownshipReviewModal
        open={modal === 'TOWNSHIP_REVIEW'}
        busy={act.isPending}
        onCancel={() => setModal(null)}
        onSubmit={(body) =>
          run('TOWNSHIP_REVIEW', () =>
            unwrap(api.POST('/api/v1/applications/{id}/township-review', { ...path, body })),
          )
        }
      />
      <SimpleModal
        title="登记异议"
        open={modal === 'OBJECTION'}
        busy={act.isPending}
        onCancel={() => setModal(null)}
        fields={[
          { name: 'receivedOn', label: '收到日期', date: true },
          { name: 'summary', label: '异议内容' },
        ]}
        onSubmit={(v) =>
          run('OBJECTION', () =>
            unwrap(
              api.POST('/api/v1/applications/{id}/objections', {
                ...path,
                body: { receivedOn: v.receivedOn ?? '', summary: v.summary ?? '' },
              }),
            ),
          )
        }
      />
      <DecisionModal
        open={modal === 'DECIDE'}
        busy={act.isPending}
        recommended={app.recommendation}
        onCancel={() => setModal(null)}
        onSubmit={(body) =>
          run('DECIDE', () => unwrap(api.POST('/api/v1/applications/{id}/decision', { ...path, body })))
        }
      />
      <SimpleModal
        title="撤回申请"
        open={modal === 'WITHDRAW'}
        busy={act.isPending}
        onCancel={() => setModal(null)}
        fields={[{ name: 'reason', label: '撤回原因' }]}
        onSubmit={(v) =>
          run('WITHDRAW', () =>
            unwrap(
              api.POST('/api/v1/applications/{id}/withdraw', { ...path, body: { reason: v.reason ?? '' } }),
            ),
          )
        }
      />
      <SimpleModal
        title={`登记授权：${authMember?.name ?? ''}`}
        open={authMember !== null}
        busy={act.isPending}
        onCancel={() => setAuthMember(null)}
        fields={[
          { name: 'signedAt', label: '签署日期', date: true },
          {
            name: 'signer',
            label: '签署人',
            options: [
              { value: 'SELF', label: '本人' },
              { value: 'GUARDIAN', label: '监护人' },
            ],
          },
          { name: 'documentRef', label: '授权书编号' },
        ]}
        onSubmit={(v) =>
          authMember &&
          run('RECORD_AUTHORIZATION', () =>
            unwrap(
              api.PUT('/api/v1/applications/{id}/members/{memberId}/authorization', {
                params: { path: { id, memberId: authMember.id } },
                body: {
                  signedAt: v.signedAt ?? '',
                  signer: (v.signer ?? 'SELF') as 'SELF' | 'GUARDIAN',
                  documentRef: v.documentRef ?? '',
                },
              }),
            ),
          )
        }
      />
    </>
  );
}

interface FieldSpec {
  name: string;
  label: string;
  date?: boolean;
  options?: { value: string; label: string }[];
}

function SimpleModal(props: {
  title: string;
  open: boolean;
  busy: boolean;
  fields: FieldSpec[];
  onCancel: () => void;
  onSubmit: (values: Record<string, string | undefined>) => void;
}) {
  const [form] = Form.useForm<Record<string, string | Dayjs | undefined>>();
  return (
    <Modal
      title={props.title}
      open={props.open}
      okText="提交"
      cancelText="取消"
      confirmLoading={props.busy}
      onCancel={props.onCancel}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        onFinish={(values) => {
          const out: Record<string, string | undefined> = {};
          for (const [k, v] of Object.entries(values)) out[k] = dayjs.isDayjs(v) ? v.format('YYYY-MM-DD') : v;
          props.onSubmit(out);
        }}
      >
        {props.fields.map((f) => (
          <Form.Item
            key={f.name}
            name={f.name}
            label={f.label}
            rules={[{ required: true, message: `请填写${f.label}` }]}
            initialValue={f.date ? dayjs(chinaToday()) : f.options?.[0]?.value}
          >
            {f.date ? (
              <DatePicker style={{ width: '100%' }} />
            ) : f.options ? (
              <Select options={f.options} />
            ) : (
              <Input.TextArea autoSize={{ minRows: 1, maxRows: 6 }} />
            )}
          </Form.Item>
        ))}
      </Form>
    </Modal>
  );
}

interface ReviewForm {
  opinion: 'RECOMMEND_APPROVE' | 'RECOMMEND_REJECT';
  comment: string;
  visitedOn: Dayjs;
  investigator1: string;
  investigator2: string;
  findings: string;
}

function TownshipReviewModal(props: {
  open: boolean;
  busy: boolean;
  onCancel: () => void;
  onSubmit: (body: {
    opinion: 'RECOMMEND_APPROVE' | 'RECOMMEND_REJECT';
    comment: string;
    investigation: { visitedOn: string; investigators: string[]; findings: string };
  }) => void;
}) {
  const [form] = Form.useForm<ReviewForm>();
  return (
    <Modal
      title="乡镇初审"
      open={props.open}
      okText="提交初审"
      cancelText="取消"
      confirmLoading={props.busy}
      onCancel={props.onCancel}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Form<ReviewForm>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ opinion: 'RECOMMEND_APPROVE', visitedOn: dayjs(chinaToday()) }}
        onFinish={(v) =>
          props.onSubmit({
            opinion: v.opinion,
            comment: v.comment,
            investigation: {
              visitedOn: v.visitedOn.format('YYYY-MM-DD'),
              investigators: [v.investigator1.trim(), v.investigator2.trim()],
              findings: v.findings,
            },
          })
        }
      >
        <Form.Item name="opinion" label="初审意见">
          <Radio.Group
            options={[
              { value: 'RECOMMEND_APPROVE', label: '建议批准（进入公示）' },
              { value: 'RECOMMEND_REJECT', label: '建议不予批准' },
            ]}
          />
        </Form.Item>
        <Form.Item name="comment" label="意见说明" rules={[{ required: true, message: '请填写意见说明' }]}>
          <Input.TextArea autoSize={{ minRows: 2 }} />
        </Form.Item>
        <Form.Item name="visitedOn" label="入户调查日期" rules={[{ required: true, message: '请选择日期' }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Space.Compact block>
          <Form.Item
            name="investigator1"
            label="调查人一"
            rules={[{ required: true, message: '入户调查需两名调查人' }]}
            style={{ flex: 1 }}
          >
            <Input />
          </Form.Item>
          <Form.Item
            name="investigator2"
            label="调查人二"
            style={{ flex: 1, marginLeft: 8 }}
            dependencies={['investigator1']}
            rules={[
              { required: true, message: '入户调查需两名调查人' },
              ({ getFieldValue }) => ({
                validator: (_r, value: string | undefined) =>
                  value && value.trim() === String(getFieldValue('investigator1') ?? '').trim()
                    ? Promise.reject(new Error('两名调查人不能是同一人'))
                    : Promise.resolve(),
              }),
            ]}
          >
            <Input />
          </Form.Item>
        </Space.Compact>
        <Form.Item name="findings" label="调查情况" rules={[{ required: true, message: '请填写调查情况' }]}>
          <Input.TextArea autoSize={{ minRows: 2 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

interface DecisionForm {
  decision: 'APPROVE' | 'REJECT' | 'RETURN';
  reason?: string;
}

function DecisionModal(props: {
  open: boolean;
  busy: boolean;
  recommended: { outcome: string; monthlyBenefitFen: number } | null;
  onCancel: () => void;
  onSubmit: (body: { decision: 'APPROVE' | 'REJECT' | 'RETURN'; reason?: string | null }) => void;
}) {
  const [form] = Form.useForm<DecisionForm>();
  const decision = Form.useWatch('decision', form);
  const override = decision === 'APPROVE' && props.recommended?.outcome !== 'ELIGIBLE';
  const needsReason = decision !== 'APPROVE' || override;
  return (
    <Modal
      title="审核确认"
      open={props.open}
      okText="确认"
      cancelText="取消"
      confirmLoading={props.busy}
      onCancel={props.onCancel}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      {props.recommended ? (
        <Typography.Paragraph>
          系统建议：{label(OUTCOME_LABELS, props.recommended.outcome)}，月救助金额{' '}
          {yuan(props.recommended.monthlyBenefitFen)}。 批准后自下月起发放。
        </Typography.Paragraph>
      ) : null}
      <Form<DecisionForm>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ decision: 'APPROVE' }}
        onFinish={(v) =>
          props.onSubmit({ decision: v.decision, reason: v.reason?.trim() ? v.reason.trim() : null })
        }
      >
        <Form.Item name="decision" label="决定">
          <Radio.Group
            options={[
              { value: 'APPROVE', label: '批准' },
              { value: 'REJECT', label: '不予批准' },
              { value: 'RETURN', label: '退回重新核查' },
            ]}
          />
        </Form.Item>
        <Form.Item
          name="reason"
          label={needsReason ? '理由（必填，至少 10 个字）' : '理由（可选）'}
          rules={needsReason ? [{ required: true, min: 10, message: '请填写理由，至少 10 个字' }] : []}
        >
          <Input.TextArea autoSize={{ minRows: 2 }} />
        </Form.Item>
        {override ? (
          <Alert type="warning" showIcon title="系统建议并非“符合条件”，批准属于例外批准，须写明理由。" />
        ) : null}
      </Form>
    </Modal>
  );
}

function DecisionRecordCard({
  record,
}: {
  record: { record: Record<string, unknown>; recordHash: string; signature: string; keyId: string };
}) {
  const keys = usePublicKeys();
  const [check, setCheck] = useState<SignatureCheck | null>(null);
  useEffect(() => {
    if (!keys.data) return;
    let live = true;
    void verifyRecord(record, keys.data.keys).then((result) => {
      if (live) setCheck(result);
    });
    return () => {
      live = false;
    };
  }, [record, keys.data]);
  const valid = check && check.hashValid && check.signatureValid;
  return (
    <Card size="small" title="决定记录（电子签名）" style={{ marginBottom: 16 }}>
      <Descriptions size="small" column={1}>
        <Descriptions.Item label="签名校验">
          {!check ? (
            '校验中…'
          ) : valid ? (
            <Tag color="success">签名有效：记录未被篡改</Tag>
          ) : (
            <Tag color="error">{check.unavailable ?? '签名无效：记录可能被篡改'}</Tag>
          )}
        </Descriptions.Item>
        <Descriptions.Item label="记录摘要（SHA-256）">
          <Typography.Text code copyable style={{ wordBreak: 'break-all' }}>
            {record.recordHash}
          </Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label="签名密钥">{record.keyId}</Descriptions.Item>
      </Descriptions>
    </Card>
  );
}
