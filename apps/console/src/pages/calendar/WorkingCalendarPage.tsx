import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Empty,
  Form,
  Input,
  InputNumber,
  Row,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { ApiError, api, describeError, unwrap } from '../../api/client';
import type { components } from '../../api/schema';
import { hasRole } from '../../auth/session';
import { PageTitle } from '../../components/PageTitle';
import { chinaDateTime, chinaToday } from '../../lib/dates';
import { byMonth, parseDates, shortDate } from './calendar-dates';
import { NextYearCalendarWarning } from './NextYearCalendarWarning';
import { AccessibleTheme } from '../reports/accessible';

type YearSummary = components['schemas']['CalendarYearSummaryDto'];
type CalendarYear = components['schemas']['CalendarYearDto'];

interface LoadValues {
  year: number;
  holidays: string;
  workdays: string;
  source: string;
}

/** The server's message for one listed date, in Chinese. */
function dateProblem(date: string | undefined, message: string): string {
  const subject = date ?? '';
  if (/is not in/.test(message)) return `${subject} 不在所选年份内`;
  if (/repeats/.test(message)) return `${subject} 重复填写`;
  if (/also listed as a holiday/.test(message)) return `${subject} 同时被列为放假日`;
  if (/is a weekday/.test(message)) return `${subject} 是周一至周五，本来就上班；调休上班日只能是周六或周日`;
  if (/real date/.test(message)) return `${subject} 不是有效日期`;
  return `${subject} ${message}`;
}

function DateTags({ dates, color }: { dates: string[]; color: string }) {
  if (dates.length === 0) return <Typography.Text type="secondary">无</Typography.Text>;
  return (
    <Space direction="vertical" size={4} style={{ width: '100%' }}>
      {byMonth(dates).map(([month, list]) => (
        <div key={month}>
          <Typography.Text strong style={{ display: 'inline-block', width: 44 }}>
            {month}
          </Typography.Text>
          {list.map((d) => (
            <Tag key={d} color={color} style={{ marginBottom: 4 }}>
              {shortDate(d)}
            </Tag>
          ))}
        </div>
      ))}
    </Space>
  );
}

function CalendarContent() {
  const isAdmin = hasRole('ADMIN');
  const today = chinaToday();
  const [selected, setSelected] = useState<number>(Number(today.slice(0, 4)));
  const [form] = Form.useForm<LoadValues>();
  const { message } = App.useApp();
  const queryClient = useQueryClient();

  const years = useQuery({
    queryKey: ['calendar', 'years'],
    queryFn: () => unwrap(api.GET('/api/v1/calendar')),
  });
  const year = useQuery({
    queryKey: ['calendar', 'year', selected],
    retry: false,
    queryFn: () =>
      unwrap(api.GET('/api/v1/calendar/{year}', { params: { path: { year: String(selected) } } })),
  });
  const notLoaded = year.error instanceof ApiError && year.error.status === 404;

  const [sent, setSent] = useState<{ holidays: string[]; workdays: string[] }>({
    holidays: [],
    workdays: [],
  });
  const save = useMutation({
    mutationFn: (v: { year: number; holidays: string[]; workdays: string[]; source: string }) =>
      unwrap(
        api.PUT('/api/v1/calendar/{year}', {
          params: { path: { year: String(v.year) } },
          body: { holidays: v.holidays, workdays: v.workdays, source: v.source },
        }),
      ),
    onSuccess: async (stored) => {
      void message.success(`已保存 ${stored.year} 年工作日历`);
      await queryClient.invalidateQueries({ queryKey: ['calendar'] });
      setSelected(stored.year);
    },
    onError: (error) => {
      if (!(error instanceof ApiError) || !error.body.errors) return;
      const byField = new Map<string, string[]>();
      for (const e of error.body.errors) {
        const m = /^(holidays|workdays)\[(\d+)\]$/.exec(e.path);
        const field = m ? m[1]! : e.path === 'year' || e.path === 'source' ? e.path : 'holidays';
        const text = m
          ? dateProblem((m[1] === 'holidays' ? sent.holidays : sent.workdays)[Number(m[2])], e.message)
          : e.path === 'source'
            ? '请填写国务院办公厅通知的名称和文号'
            : e.path === 'year'
              ? '年份须在 2000 至 2100 之间'
              : e.message;
        byField.set(field, [...(byField.get(field) ?? []), text]);
      }
      form.setFields(
        [...byField.entries()].map(([name, errors]) => ({ name: name as keyof LoadValues, errors })),
      );
    },
  });

  const startEditing = (data: CalendarYear | undefined, y: number): void => {
    form.setFieldsValue({
      year: y,
      holidays: data?.holidays.join('\n') ?? '',
      workdays: data?.workdays.join('\n') ?? '',
      source: data?.source ?? '',
    });
    document.getElementById('calendar-load')?.scrollIntoView({ behavior: 'smooth' });
  };

  const submit = (v: LoadValues): void => {
    const holidays = parseDates(v.holidays ?? '');
    const workdays = parseDates(v.workdays ?? '');
    const problems: { name: keyof LoadValues; errors: string[] }[] = [];
    if (holidays.problems.length > 0)
      problems.push({
        name: 'holidays',
        errors: [`无法识别：${holidays.problems.join('、')}（请写成 2027-01-01）`],
      });
    if (workdays.problems.length > 0)
      problems.push({
        name: 'workdays',
        errors: [`无法识别：${workdays.problems.join('、')}（请写成 2027-02-14）`],
      });
    if (problems.length > 0) {
      form.setFields(problems);
      return;
    }
    setSent({ holidays: holidays.dates, workdays: workdays.dates });
    save.mutate({
      year: v.year,
      holidays: holidays.dates,
      workdays: workdays.dates,
      source: v.source.trim(),
    });
  };

  const holidaysText = Form.useWatch('holidays', form) ?? '';
  const workdaysText = Form.useWatch('workdays', form) ?? '';
  const preview = {
    holidays: parseDates(holidaysText).dates.length,
    workdays: parseDates(workdaysText).dates.length,
  };

  return (
    <>
      <PageTitle title="工作日历" />
      <NextYearCalendarWarning />
      <Typography.Paragraph>
        办理期限按工作日计算（30 个工作日内审核确认，县级 10
        个工作日内决定），需要国务院办公厅每年公布的放假和调休上班安排。 加载后立即用于本服务进程，
        {years.data ? `${years.data.refreshSeconds} 秒` : '数秒'}内用于所有服务进程。
        缺少某年日历时，延伸到该年的期限只按周末计算，案件页会提示“期限未计节假日”。
      </Typography.Paragraph>
      {!isAdmin ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title="仅系统管理员可以加载或修改工作日历；您可以查看。"
        />
      ) : null}

      <Row gutter={[16, 16]}>
        <Col xs={24} xl={10}>
          <Card size="small" title="已加载的年份">
            {years.isError ? <Alert type="error" showIcon title={describeError(years.error)} /> : null}
            <Table<YearSummary>
              rowKey="year"
              size="small"
              loading={years.isLoading}
              pagination={false}
              dataSource={[...(years.data?.years ?? [])].reverse()}
              rowClassName={(y) => (y.year === selected ? 'ant-table-row-selected' : '')}
              columns={[
                { title: '年份', dataIndex: 'year' },
                {
                  title: '放假',
                  dataIndex: 'holidayCount',
                  align: 'right',
                  render: (n: number) => `${n} 天`,
                },
                {
                  title: '调休上班',
                  dataIndex: 'workdayCount',
                  align: 'right',
                  render: (n: number) => `${n} 天`,
                },
                {
                  title: '更新',
                  key: 'updated',
                  render: (_: unknown, y) => (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {chinaDateTime(y.updatedAt)} {y.updatedBy ?? '随系统提供'}
                    </Typography.Text>
                  ),
                },
                {
                  title: '操作',
                  key: 'actions',
                  render: (_: unknown, y) => (
                    <Button size="small" onClick={() => setSelected(y.year)} aria-label={`查看 ${y.year} 年`}>
                      查看
                    </Button>
                  ),
                },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xl={14}>
          <Card
            size="small"
            title={`${selected} 年`}
            extra={
              <Space>
                <Button size="small" onClick={() => setSelected(selected - 1)} aria-label="上一年">
                  上一年
                </Button>
                <Button size="small" onClick={() => setSelected(selected + 1)} aria-label="下一年">
                  下一年
                </Button>
                {isAdmin ? (
                  <Button size="small" type="primary" onClick={() => startEditing(year.data, selected)}>
                    {notLoaded ? `加载 ${selected} 年` : `修改 ${selected} 年`}
                  </Button>
                ) : null}
              </Space>
            }
          >
            {notLoaded ? (
              <Empty description={`${selected} 年工作日历尚未加载：延伸到该年的期限只按周末计算`} />
            ) : year.isError ? (
              <Alert type="error" showIcon title={describeError(year.error)} />
            ) : year.data ? (
              <Space direction="vertical" style={{ width: '100%' }}>
                <Typography.Text>
                  来源：{year.data.source}
                  <Typography.Text type="secondary">
                    （
                    {year.data.updatedBy
                      ? `${year.data.updatedBy} 于 ${chinaDateTime(year.data.updatedAt)} 加载`
                      : '随系统提供'}
                    ）
                  </Typography.Text>
                </Typography.Text>
                <Typography.Title level={2} style={{ fontSize: 16, margin: '8px 0 4px' }}>
                  放假（{year.data.holidays.length} 天）
                </Typography.Title>
                <DateTags dates={year.data.holidays} color="#a8071a" />
                <Typography.Title level={2} style={{ fontSize: 16, margin: '8px 0 4px' }}>
                  调休上班（{year.data.workdays.length} 天）
                </Typography.Title>
                <DateTags dates={year.data.workdays} color="#0b4fa8" />
              </Space>
            ) : null}
          </Card>
        </Col>
      </Row>

      {isAdmin ? (
        <Card size="small" title="加载或修改某年日历" style={{ marginTop: 16 }} id="calendar-load">
          <Typography.Paragraph type="secondary">
            按国务院办公厅通知填写：放假日期（含假期中的周末）和调休上班的周六、周日。每行一个日期，或用逗号、顿号分隔；连续日期可写成
            2027-02-06~2027-02-12。保存会替换该年已有的安排，并记入审计。
          </Typography.Paragraph>
          <Form<LoadValues>
            form={form}
            layout="vertical"
            onFinish={submit}
            initialValues={{ year: Number(today.slice(0, 4)) + 1, holidays: '', workdays: '', source: '' }}
          >
            <Row gutter={16}>
              <Col xs={24} md={6}>
                <Form.Item name="year" label="年份" rules={[{ required: true, message: '请填写年份' }]}>
                  <InputNumber min={2000} max={2100} precision={0} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
              <Col xs={24} md={18}>
                <Form.Item
                  name="source"
                  label="来源（通知名称及文号）"
                  rules={[
                    { required: true, whitespace: true, message: '请填写国务院办公厅通知的名称和文号' },
                    { max: 500, message: '最多 500 个字符' },
                  ]}
                >
                  <Input placeholder="国务院办公厅关于2027年部分节假日安排的通知（国办发明电〔2026〕…号）" />
                </Form.Item>
              </Col>
            </Row>
            <Row gutter={16}>
              <Col xs={24} md={12}>
                <Form.Item
                  name="holidays"
                  label={`放假日期（已识别 ${preview.holidays} 天）`}
                  rules={[{ required: true, whitespace: true, message: '请填写放假日期' }]}
                >
                  <Input.TextArea rows={8} placeholder={'2027-01-01\n2027-02-06~2027-02-12'} />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item name="workdays" label={`调休上班日期（已识别 ${preview.workdays} 天）`}>
                  <Input.TextArea rows={8} placeholder={'2027-02-14'} />
                </Form.Item>
              </Col>
            </Row>
            {save.isError && !(save.error instanceof ApiError && save.error.status === 400) ? (
              <Alert type="error" showIcon style={{ marginBottom: 12 }} title={describeError(save.error)} />
            ) : null}
            <Button type="primary" htmlType="submit" loading={save.isPending}>
              保存日历
            </Button>
          </Form>
        </Card>
      ) : null}
    </>
  );
}

export function CalendarPage() {
  return (
    <AccessibleTheme>
      <CalendarContent />
    </AccessibleTheme>
  );
}
