import {
  Alert,
  Button,
  Card,
  Checkbox,
  DatePicker,
  Form,
  Input,
  Radio,
  Select,
  Space,
  Table,
  Typography,
  type FormInstance,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useBlocker, useNavigate } from 'react-router';
import { api, ApiError, describeError } from '../../api/client';
import { useArea } from '../../api/hooks';
import type { CreateApplication, CreateMember } from '../../api/types';
import { session } from '../../auth/session';
import { PageTitle } from '../../components/PageTitle';
import { chinaToday } from '../../lib/dates';
import { checkIdNumber, SEX_LABELS } from '../../lib/id-number';
import { EMPLOYMENT_LABELS, PROGRAMME_LABELS, RELATION_LABELS } from '../../lib/labels';
import { parseYuan } from '../../lib/money';

interface MemberRow {
  name?: string;
  idNumber?: string;
  relation?: string;
  coResident?: boolean;
  employment?: string;
  wageYuan?: string;
  businessYuan?: string;
  propertyYuan?: string;
  transferYuan?: string;
  depositsYuan?: string;
  securitiesYuan?: string;
  vehicles?: string;
  dwellings?: string;
  authorized?: boolean;
  signedAt?: Dayjs;
  documentRef?: string;
}

interface IntakeForm {
  programme: string;
  townshipCode: string;
  residence: string;
  address: string;
  hasAbleSupporter: boolean;
  staffRelative: boolean;
  members: MemberRow[];
}

/** Money fields of a row (typed in 元) and where the API puts them (integer fen). */
const MONEY_FIELDS = {
  wageYuan: 'declaredMonthlyIncome.wageFen',
  businessYuan: 'declaredMonthlyIncome.businessFen',
  propertyYuan: 'declaredMonthlyIncome.propertyFen',
  transferYuan: 'declaredMonthlyIncome.transferFen',
  depositsYuan: 'declaredAssets.depositsFen',
  securitiesYuan: 'declaredAssets.securitiesFen',
} as const;

/** API error path → form field (`members[1].idNumber` → ['members', 1, 'idNumber']). */
function fieldOf(path: string): (string | number)[] | null {
  const member = /^members\[(\d+)\]\.?(.*)$/.exec(path);
  if (!member) return /^[a-zA-Z]+$/.test(path) ? [path] : null;
  const index = Number(member[1]);
  const rest = member[2] ?? '';
  const money = Object.entries(MONEY_FIELDS).find(([, api]) => api === rest)?.[0];
  if (money) return ['members', index, money];
  if (rest.startsWith('authorization'))
    return ['members', index, rest.endsWith('signedAt') ? 'signedAt' : 'documentRef'];
  if (rest === 'declaredAssets.vehicles') return ['members', index, 'vehicles'];
  if (rest === 'declaredAssets.dwellings') return ['members', index, 'dwellings'];
  return rest ? ['members', index, rest] : ['members'];
}

/** A Chinese sentence for the API's validation messages (which are English). */
function chinese(message: string): string {
  const known: [RegExp, string][] = [
    [/check digit/, '身份证号码校验位错误'],
    [/18 characters/, '身份证号码应为 18 位'],
    [/birth date/, '身份证号码中的出生日期有误'],
    [/duplicate|unique|twice/i, '身份证号码重复'],
    [/exactly one/i, '必须有且只有一名申请人本人（SELF）'],
    [/GUARDIAN/, '未满 18 周岁的成员须由监护人签署授权'],
    [/future/, '日期不能晚于今天'],
    [/required|should not be empty|must be a string/i, '此项必填'],
  ];
  return known.find(([re]) => re.test(message))?.[1] ?? `输入有误（${message}）`;
}

function newKey(): string {
  if (typeof crypto.randomUUID === 'function' && globalThis.isSecureContext) return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
}

const yuanRule = {
  validator: (_r: unknown, value: string | undefined) => {
    if (value === undefined || value.trim() === '') return Promise.resolve();
    const parsed = parseYuan(value);
    return parsed.ok ? Promise.resolve() : Promise.reject(new Error(parsed.message));
  },
};

const countRule = {
  validator: (_r: unknown, value: string | undefined) =>
    value === undefined || value === '' || /^\d{1,2}$/.test(value.trim())
      ? Promise.resolve()
      : Promise.reject(new Error('请输入 0–99 的整数')),
};

function fen(value: string | undefined): number {
  const parsed = parseYuan(value?.trim() ? value : '0');
  return parsed.ok ? parsed.fen : 0;
}

function toBody(v: IntakeForm): CreateApplication {
  return {
    programme: v.programme as CreateApplication['programme'],
    townshipCode: v.townshipCode,
    residence: v.residence as CreateApplication['residence'],
    address: v.address.trim(),
    hasAbleSupporter: v.hasAbleSupporter,
    staffRelative: v.staffRelative,
    members: v.members.map((m): CreateMember => {
      const id = checkIdNumber(m.idNumber ?? '', chinaToday());
      const minor = id.ok && id.facts.age < 18;
      return {
        name: (m.name ?? '').trim(),
        idNumber: (m.idNumber ?? '').trim().toUpperCase(),
        relation: (m.relation ?? 'OTHER') as CreateMember['relation'],
        coResident: m.coResident ?? true,
        exclusion: null,
        disability: null,
        employment: (m.employment ?? 'NONE') as CreateMember['employment'],
        declaredMonthlyIncome: {
          wageFen: fen(m.wageYuan),
          businessFen: fen(m.businessYuan),
          propertyFen: fen(m.propertyYuan),
          transferFen: fen(m.transferYuan),
          excludedFen: 0,
        },
        declaredAssets: {
          depositsFen: fen(m.depositsYuan),
          securitiesFen: fen(m.securitiesYuan),
          vehicles: Number(m.vehicles || 0),
          dwellings: Number(m.dwellings || 0),
        },
        authorization: m.authorized
          ? {
              signedAt: (m.signedAt ?? dayjs(chinaToday())).format('YYYY-MM-DD'),
              signer: minor ? 'GUARDIAN' : 'SELF',
              documentRef: (m.documentRef ?? '').trim(),
            }
          : null,
      };
    }),
  };
}

function IdFacts({ form, index }: { form: FormInstance<IntakeForm>; index: number }) {
  const value: string | undefined = Form.useWatch(['members', index, 'idNumber'], form);
  if (!value || value.length < 18) return <span aria-live="polite">—</span>;
  const checked = checkIdNumber(value, chinaToday());
  return (
    <span aria-live="polite">
      {checked.ok ? `${SEX_LABELS[checked.facts.sex]}，${checked.facts.age} 岁` : '—'}
    </span>
  );
}

const EMPTY_MEMBER: MemberRow = {
  relation: 'SELF',
  coResident: true,
  employment: 'UNEMPLOYED',
  authorized: true,
};

/** /applications/new: the intake form of a township station (SPEC 3.1). */
export function ApplicationNewPage() {
  const [form] = Form.useForm<IntakeForm>();
  const navigate = useNavigate();
  const user = session.user;
  const userArea = user?.areaCode ?? '';
  const area = useArea(userArea.length >= 9 ? userArea : undefined);
  const [idempotencyKey] = useState(newKey);
  const [dirty, setDirty] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // A ref, not state: the navigation right after a successful submit must not be blocked by a stale closure.
  const done = useRef(false);

  // Never lose work: leaving a half-filled form asks first (in the app and when closing the tab).
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      dirty && !done.current && currentLocation.pathname !== nextLocation.pathname,
  );
  useEffect(() => {
    if (blocker.state === 'blocked') {
      if (window.confirm('表单尚未提交，离开后填写的内容将丢失。确定离开吗？')) blocker.proceed();
      else blocker.reset();
    }
  }, [blocker]);
  useEffect(() => {
    const warn = (e: BeforeUnloadEvent): void => {
      if (dirty && !done.current) e.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  const initial = useMemo<Partial<IntakeForm>>(
    () => ({
      programme: 'DIBAO',
      residence: 'URBAN',
      townshipCode: userArea.length >= 9 ? userArea.slice(0, 9) : undefined,
      hasAbleSupporter: false,
      staffRelative: false,
      members: [{ ...EMPTY_MEMBER, signedAt: dayjs(chinaToday()) }],
    }),
    [userArea],
  );

  const submit = async (values: IntakeForm): Promise<void> => {
    setSubmitting(true);
    setError(null);
    try {
      const {
        data,
        response,
        error: body,
      } = await api.POST('/api/v1/applications', {
        body: toBody(values),
        params: { header: { 'Idempotency-Key': idempotencyKey } },
      });
      if (response.ok && data) {
        done.current = true;
        void navigate(`/applications/${data.id}`, { replace: true });
        return;
      }
      const problem = new ApiError(response.status, body as never);
      const errors = problem.body?.errors ?? [];
      if (response.status === 400 && errors.length > 0) {
        const byField = new Map<string, { name: (string | number)[]; errors: string[] }>();
        const unplaced: string[] = [];
        for (const e of errors) {
          const name = fieldOf(e.path);
          if (!name) {
            unplaced.push(`${e.path}：${chinese(e.message)}`);
            continue;
          }
          const key = name.join('.');
          const entry = byField.get(key) ?? { name, errors: [] };
          entry.errors.push(chinese(e.message));
          byField.set(key, entry);
        }
        form.setFields([...byField.values()] as Parameters<typeof form.setFields>[0]);
        setError(
          `提交的内容有 ${errors.length} 处问题，已在对应栏目标出${unplaced.length ? `：${unplaced.join('；')}` : ''}`,
        );
      } else if (response.status === 409 && problem.body?.code === 'DUPLICATE_APPLICATION') {
        setError(`有成员已在另一件未办结的申请中：${problem.body.message}`);
      } else if (response.status === 404) {
        setError('所选乡镇不存在或不在您的辖区范围内');
      } else {
        setError(describeError(problem));
      }
    } catch (e) {
      setError(describeError(e));
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <>
      <PageTitle title="新建申请" />
      {error ? <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 16 }} /> : null}
      <Form<IntakeForm>
        form={form}
        layout="vertical"
        initialValues={initial}
        onValuesChange={() => setDirty(true)}
        onFinish={(v) => void submit(v)}
        scrollToFirstError
      >
        <Card size="small" title="家庭情况" style={{ marginBottom: 16 }}>
          <Space wrap size="large" align="start">
            <Form.Item name="programme" label="救助类别" rules={[{ required: true }]}>
              <Select
                style={{ width: 160 }}
                options={Object.entries(PROGRAMME_LABELS).map(([value, label]) => ({ value, label }))}
              />
            </Form.Item>
            <Form.Item
              name="townshipCode"
              label="乡镇（街道）代码"
              rules={[{ required: true, pattern: /^\d{9}$/, message: '请输入 9 位乡镇代码' }]}
              extra={area.data ? area.data.name : undefined}
            >
              <Input style={{ width: 160 }} readOnly={userArea.length === 9} />
            </Form.Item>
            <Form.Item name="residence" label="户籍类型">
              <Radio.Group
                options={[
                  { value: 'URBAN', label: '城市' },
                  { value: 'RURAL', label: '农村' },
                ]}
              />
            </Form.Item>
          </Space>
          <Form.Item
            name="address"
            label="家庭住址"
            rules={[{ required: true, message: '请填写家庭住址' }, { max: 200 }]}
          >
            <Input />
          </Form.Item>
          <Space wrap>
            <Form.Item name="hasAbleSupporter" valuePropName="checked">
              <Checkbox>有具备赡养、抚养、扶养能力的人（特困）</Checkbox>
            </Form.Item>
            <Form.Item name="staffRelative" valuePropName="checked">
              <Checkbox>成员是经办人员近亲属（单独登记备案）</Checkbox>
            </Form.Item>
          </Space>
        </Card>

        <Card size="small" title="家庭成员（金额单位：元/月，资产：元）" style={{ marginBottom: 16 }}>
          <Form.List name="members">
            {(fields, { add, remove }) => (
              <>
                <Table
                  size="small"
                  pagination={false}
                  scroll={{ x: true }}
                  dataSource={fields}
                  rowKey="key"
                  columns={[
                    {
                      title: '姓名',
                      key: 'name',
                      render: (_: unknown, f) => (
                        <Form.Item
                          name={[f.name, 'name']}
                          rules={[{ required: true, message: '请填写姓名' }, { max: 50 }]}
                          style={{ margin: 0 }}
                        >
                          <Input aria-label={`成员${f.name + 1} 姓名`} style={{ width: 100 }} />
                        </Form.Item>
                      ),
                    },
                    {
                      title: '身份证号',
                      key: 'idNumber',
                      render: (_: unknown, f) => (
                        <Form.Item
                          name={[f.name, 'idNumber']}
                          validateTrigger={['onChange', 'onBlur']}
                          rules={[
                            {
                              validator: (_r, value: string | undefined) => {
                                const c = checkIdNumber(value ?? '', chinaToday());
                                return c.ok ? Promise.resolve() : Promise.reject(new Error(c.message));
                              },
                            },
                          ]}
                          style={{ margin: 0 }}
                        >
                          <Input
                            aria-label={`成员${f.name + 1} 身份证号`}
                            maxLength={18}
                            style={{ width: 190 }}
                          />
                        </Form.Item>
                      ),
                    },
                    {
                      title: '性别/年龄',
                      key: 'facts',
                      render: (_: unknown, f) => <IdFacts form={form} index={f.name} />,
                    },
                    {
                      title: '关系',
                      key: 'relation',
                      render: (_: unknown, f) => (
                        <Form.Item name={[f.name, 'relation']} style={{ margin: 0 }}>
                          <Select
                            aria-label={`成员${f.name + 1} 与申请人关系`}
                            style={{ width: 120 }}
                            options={Object.entries(RELATION_LABELS).map(([value, label]) => ({
                              value,
                              label,
                            }))}
                          />
                        </Form.Item>
                      ),
                    },
                    {
                      title: '就业',
                      key: 'employment',
                      render: (_: unknown, f) => (
                        <Form.Item name={[f.name, 'employment']} style={{ margin: 0 }}>
                          <Select
                            aria-label={`成员${f.name + 1} 就业状况`}
                            style={{ width: 110 }}
                            options={Object.entries(EMPLOYMENT_LABELS).map(([value, label]) => ({
                              value,
                              label,
                            }))}
                          />
                        </Form.Item>
                      ),
                    },
                    {
                      title: '共同生活',
                      key: 'coResident',
                      render: (_: unknown, f) => (
                        <Form.Item
                          name={[f.name, 'coResident']}
                          valuePropName="checked"
                          style={{ margin: 0 }}
                        >
                          <Checkbox aria-label={`成员${f.name + 1} 共同生活`} />
                        </Form.Item>
                      ),
                    },
                    ...(
                      [
                        ['wageYuan', '工资'],
                        ['businessYuan', '经营'],
                        ['propertyYuan', '财产'],
                        ['transferYuan', '转移'],
                        ['depositsYuan', '存款'],
                        ['securitiesYuan', '证券'],
                      ] as const
                    ).map(([field, title]) => ({
                      title,
                      key: field,
                      render: (_: unknown, f: { name: number }) => (
                        <Form.Item name={[f.name, field]} rules={[yuanRule]} style={{ margin: 0 }}>
                          <Input
                            aria-label={`成员${f.name + 1} ${title}（元）`}
                            placeholder="0.00"
                            style={{ width: 90 }}
                            inputMode="decimal"
                          />
                        </Form.Item>
                      ),
                    })),
                    ...(
                      [
                        ['vehicles', '车辆'],
                        ['dwellings', '住房'],
                      ] as const
                    ).map(([field, title]) => ({
                      title,
                      key: field,
                      render: (_: unknown, f: { name: number }) => (
                        <Form.Item name={[f.name, field]} rules={[countRule]} style={{ margin: 0 }}>
                          <Input
                            aria-label={`成员${f.name + 1} ${title}数量`}
                            placeholder="0"
                            style={{ width: 50 }}
                            inputMode="numeric"
                          />
                        </Form.Item>
                      ),
                    })),
                    {
                      title: '授权',
                      key: 'authorization',
                      render: (_: unknown, f) => (
                        <Space direction="vertical" size={4}>
                          <Form.Item
                            name={[f.name, 'authorized']}
                            valuePropName="checked"
                            style={{ margin: 0 }}
                          >
                            <Checkbox>已签授权书</Checkbox>
                          </Form.Item>
                          <Form.Item name={[f.name, 'signedAt']} style={{ margin: 0 }}>
                            <DatePicker
                              aria-label={`成员${f.name + 1} 授权签署日期`}
                              style={{ width: 130 }}
                            />
                          </Form.Item>
                          <Form.Item
                            name={[f.name, 'documentRef']}
                            dependencies={[['members', f.name, 'authorized']]}
                            rules={[
                              ({ getFieldValue }) => ({
                                validator: (_r, value: string | undefined) =>
                                  getFieldValue(['members', f.name, 'authorized']) && !value?.trim()
                                    ? Promise.reject(new Error('请填写授权书编号'))
                                    : Promise.resolve(),
                              }),
                            ]}
                            style={{ margin: 0 }}
                          >
                            <Input
                              aria-label={`成员${f.name + 1} 授权书编号`}
                              placeholder="授权书编号"
                              style={{ width: 130 }}
                            />
                          </Form.Item>
                        </Space>
                      ),
                    },
                    {
                      title: '操作',
                      key: 'remove',
                      render: (_: unknown, f) => (
                        <Button
                          size="small"
                          danger
                          disabled={fields.length <= 1}
                          onClick={() => remove(f.name)}
                          aria-label={`删除成员${f.name + 1}`}
                        >
                          删除
                        </Button>
                      ),
                    },
                  ]}
                />
                <Button
                  style={{ marginTop: 12 }}
                  disabled={fields.length >= 20}
                  onClick={() => add({ ...EMPTY_MEMBER, relation: 'SPOUSE', signedAt: dayjs(chinaToday()) })}
                >
                  添加成员
                </Button>
              </>
            )}
          </Form.List>
          <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
            身份证号输入后自动校验并得出性别、年龄；未满 18
            周岁的成员由监护人签署授权。金额按“元”填写，最多两位小数。
          </Typography.Paragraph>
        </Card>
        <Button type="primary" htmlType="submit" loading={submitting}>
          提交申请
        </Button>
      </Form>
    </>
  );
}
