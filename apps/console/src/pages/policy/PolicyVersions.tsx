import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Drawer,
  Form,
  Input,
  Select,
  Space,
  Table,
  Typography,
} from 'antd';
import type { FormInstance } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useId, useMemo, useState } from 'react';
import { ApiError, api, describeError, unwrap } from '../../api/client';
import type { components } from '../../api/schema';
import { hasRole, session } from '../../auth/session';
import { PageTitle } from '../../components/PageTitle';
import { chinaDateTime, chinaToday } from '../../lib/dates';
import { useAreaOptions } from '../reports/useAreaOptions';
import { fromInput, infoOf, showValue, toInput } from './policy-parameters';
import { AccessibleTheme, StateTag } from '../reports/accessible';

type Effective = components['schemas']['EffectivePolicyDto'];
type Version = components['schemas']['PolicyVersionDto'];
type Values = Record<string, number>;

function ValuesTable({ values }: { values: Values }) {
  return (
    <Descriptions size="small" bordered column={{ xs: 1, md: 2 }}>
      {Object.entries(values).map(([name, value]) => (
        <Descriptions.Item key={name} label={infoOf(name).label}>
          {showValue(name, value)}
        </Descriptions.Item>
      ))}
    </Descriptions>
  );
}

function PolicyContent() {
  const user = session.user;
  const isAdmin = hasRole('ADMIN');
  const [areaCode, setAreaCode] = useState<string | undefined>(user?.areaCode);
  const [on, setOn] = useState<Dayjs>(dayjs(chinaToday()));
  const [adding, setAdding] = useState(false);
  const areaLabel = useId();
  const dateId = useId();
  const areas = useAreaOptions(user?.areaCode);

  const effective = useQuery({
    queryKey: ['policy', 'effective', areaCode, on.format('YYYY-MM-DD')],
    enabled: Boolean(areaCode),
    retry: false,
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/policy/parameters', {
          params: { query: { areaCode, on: on.format('YYYY-MM-DD') } },
        }),
      ),
  });
  const versions = useQuery({
    queryKey: ['policy', 'versions', areaCode],
    enabled: Boolean(areaCode),
    queryFn: async () =>
      (await unwrap(api.GET('/api/v1/policy/versions', { params: { query: { areaCode } } }))).items,
  });

  const noVersion = effective.error instanceof ApiError && effective.error.status === 404;

  return (
    <>
      <PageTitle
        title="政策参数"
        extra={
          isAdmin ? (
            <Button type="primary" onClick={() => setAdding(true)}>
              新增版本
            </Button>
          ) : (
            <Typography.Text type="secondary">仅系统管理员可新增版本；您可以查看。</Typography.Text>
          )
        }
      />
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title="参数不会被修改：每次调整都新增一个带法律依据的版本，按生效日期适用（县级版本优先于市级）。"
      />
      <Space wrap size="large" style={{ marginBottom: 16 }}>
        <Space>
          <label id={areaLabel}>区域</label>
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
          <label htmlFor={dateId}>适用日期</label>
          <DatePicker id={dateId} value={on} allowClear={false} onChange={(d) => d && setOn(d)} />
        </Space>
      </Space>

      <Card size="small" title="当日适用的参数" style={{ marginBottom: 16 }}>
        {effective.isLoading ? <Typography.Text>加载中…</Typography.Text> : null}
        {noVersion ? (
          <Alert
            type="warning"
            showIcon
            title="该日期没有生效的参数版本"
            description="请选择更晚的日期，或由系统管理员新增版本。"
          />
        ) : effective.isError ? (
          <Alert type="error" showIcon title={describeError(effective.error)} />
        ) : null}
        {effective.data ? (
          <>
            <Descriptions size="small" column={{ xs: 1, md: 2 }} style={{ marginBottom: 12 }}>
              <Descriptions.Item label="版本所属区域">{effective.data.areaCode}</Descriptions.Item>
              <Descriptions.Item label="生效日期">{effective.data.effectiveFrom}</Descriptions.Item>
              <Descriptions.Item label="法律依据" span={2}>
                {effective.data.legalBasis}
              </Descriptions.Item>
            </Descriptions>
            <ValuesTable values={effective.data.values} />
          </>
        ) : null}
      </Card>

      <Card size="small" title="历史版本（本区域及上级，最新在前）">
        {versions.isError ? <Alert type="error" showIcon title={describeError(versions.error)} /> : null}
        <Table<Version>
          rowKey="version"
          size="small"
          loading={versions.isLoading}
          dataSource={versions.data ?? []}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          expandable={{ expandedRowRender: (v) => <ValuesTable values={v.values} /> }}
          columns={[
            { title: '生效日期', dataIndex: 'effectiveFrom', width: 110 },
            { title: '区域', dataIndex: 'areaCode', width: 90 },
            {
              title: '法律依据',
              dataIndex: 'legalBasis',
              render: (text: string) =>
                text.startsWith('DEMONSTRATION DATA') ? (
                  <Space direction="vertical" size={2}>
                    <StateTag tone="warn">演示数据，非正式标准</StateTag>
                    <Typography.Text type="secondary">{text}</Typography.Text>
                  </Space>
                ) : (
                  text
                ),
            },
            {
              title: '当前适用',
              key: 'current',
              width: 90,
              render: (_: unknown, v) =>
                v.version === effective.data?.version ? <StateTag tone="good">适用中</StateTag> : null,
            },
            {
              title: '录入时间',
              dataIndex: 'createdAt',
              width: 150,
              render: (at: string) => chinaDateTime(at),
            },
          ]}
        />
      </Card>

      {isAdmin ? (
        <AddVersionDrawer
          open={adding}
          onClose={() => setAdding(false)}
          base={effective.data}
          areaOptions={(areas.data ?? []).filter((o) => /^\d{6}$/.test(o.value))}
        />
      ) : null}
    </>
  );
}

interface AddValues {
  areaCode: string;
  effectiveFrom: Dayjs;
  legalBasis: string;
  values: Record<string, string>;
}

type FieldList = Parameters<FormInstance<AddValues>['setFields']>[0];

function AddVersionDrawer({
  open,
  onClose,
  base,
  areaOptions,
}: {
  open: boolean;
  onClose: () => void;
  base: Effective | undefined;
  areaOptions: { value: string; label: string }[];
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<AddValues>();
  const queryClient = useQueryClient();
  const names = useMemo(() => Object.keys(base?.values ?? {}), [base]);

  const add = useMutation({
    mutationFn: (body: { areaCode: string; effectiveFrom: string; legalBasis: string; values: Values }) =>
      unwrap(api.POST('/api/v1/policy/parameters', { body: body as never })),
    onSuccess: async () => {
      void message.success('已新增参数版本');
      await queryClient.invalidateQueries({ queryKey: ['policy'] });
      form.resetFields();
      onClose();
    },
    onError: (error) => {
      if (error instanceof ApiError && error.status === 409)
        form.setFields([{ name: 'effectiveFrom', errors: ['该区域在此日期已有版本，请选择其他生效日期'] }]);
      else if (error instanceof ApiError && error.body.errors)
        form.setFields(
          error.body.errors.map((e) => ({
            name: e.path.startsWith('values.') ? ['values', e.path.slice(7)] : [e.path],
            errors: [e.message],
          })) as FieldList,
        );
    },
  });

  const submit = (v: AddValues): void => {
    const values: Values = {};
    const problems: FieldList = [];
    for (const name of names) {
      const parsed = fromInput(name, v.values[name] ?? '');
      if (parsed.ok) values[name] = parsed.value;
      else problems.push({ name: ['values', name], errors: [parsed.message] });
    }
    if (problems.length > 0) {
      form.setFields(problems);
      return;
    }
    add.mutate({
      areaCode: v.areaCode,
      effectiveFrom: v.effectiveFrom.format('YYYY-MM-DD'),
      legalBasis: v.legalBasis.trim(),
      values,
    });
  };

  return (
    <Drawer
      title="新增参数版本"
      open={open}
      onClose={onClose}
      size={560}
      destroyOnHidden
      forceRender
      extra={
        <Space>
          <Button onClick={onClose}>取消</Button>
          <Button type="primary" loading={add.isPending} onClick={() => form.submit()}>
            保存
          </Button>
        </Space>
      }
    >
      {!base ? (
        <Alert
          type="warning"
          showIcon
          title="请先在页面上选择一个有生效版本的区域和日期，新版本以其为起点填写。"
        />
      ) : (
        <Form<AddValues>
          form={form}
          layout="vertical"
          onFinish={submit}
          initialValues={{
            areaCode: base.areaCode,
            effectiveFrom: dayjs(chinaToday()).add(1, 'month').startOf('month'),
            legalBasis: '',
            values: Object.fromEntries(names.map((n) => [n, toInput(n, (base.values as Values)[n] ?? 0)])),
          }}
        >
          {add.isError && !(add.error instanceof ApiError && add.error.status < 500) ? (
            <Alert type="error" showIcon style={{ marginBottom: 12 }} title={describeError(add.error)} />
          ) : null}
          <Form.Item
            name="areaCode"
            label="适用区域（市或县）"
            rules={[{ required: true, message: '请选择区域' }]}
          >
            <Select options={areaOptions} />
          </Form.Item>
          <Form.Item
            name="effectiveFrom"
            label="生效日期"
            rules={[{ required: true, message: '请选择生效日期' }]}
          >
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item
            name="legalBasis"
            label="法律依据（文件名称及文号）"
            rules={[
              { required: true, whitespace: true, message: '请填写法律依据' },
              { max: 500, message: '最多 500 个字符' },
            ]}
          >
            <Input.TextArea rows={2} placeholder="如：永州市民政局 永民发〔2027〕1号" />
          </Form.Item>
          {names.map((name) => {
            const info = infoOf(name);
            return (
              <Form.Item
                key={name}
                name={['values', name]}
                label={`${info.label}（${info.unit || '数值'}）`}
                extra={info.help}
                rules={[{ required: true, message: `请填写${info.label}` }]}
              >
                <Input inputMode="decimal" suffix={info.unit} />
              </Form.Item>
            );
          })}
        </Form>
      )}
    </Drawer>
  );
}

export function PolicyPage() {
  return (
    <AccessibleTheme>
      <PolicyContent />
    </AccessibleTheme>
  );
}
