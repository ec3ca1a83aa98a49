import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form, Input, Modal, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { ApiError, api, describeError, unwrap } from '../../api/client';
import { hasRole, session } from '../../auth/session';
import { PageTitle } from '../../components/PageTitle';
import { chinaDateTime } from '../../lib/dates';
import { ROLE_LABELS, label } from '../../lib/labels';
import { AreaCascader } from './AreaCascader';
import { RoleCheckboxes } from './RoleCheckboxes';
import { UserActions } from './UserActions';
import type { UserRow } from './user-row';
import { LEVEL_LABELS, ROLES_BY_LEVEL, levelOf } from './area-levels';
import { AccessibleTheme, StateTag } from '../reports/accessible';

interface CreateValues {
  username: string;
  displayName: string;
  password: string;
  areaCode?: string;
  roles: string[];
}

/** The server's field messages, in Chinese where the console knows the rule. */
function fieldMessage(path: string, message: string): string {
  if (path === 'username' && /taken|exists|already/i.test(message)) return '该用户名已被使用';
  if (path === 'username') return '用户名为 3–64 位字母、数字或 _ . -';
  if (path === 'password') return '密码至少 12 个字符';
  if (path.startsWith('roles')) return `角色与区域级别不符：${message}`;
  if (path === 'areaCode') return '请选择市、县（区）或乡镇（街道）';
  return message;
}

function UsersContent() {
  const allowed = hasRole('ADMIN');
  const [creating, setCreating] = useState(false);
  const [search, setSearch] = useState('');

  const users = useQuery({
    queryKey: ['users'],
    enabled: allowed,
    queryFn: async (): Promise<UserRow[]> => (await unwrap(api.GET('/api/v1/users'))).items,
  });

  const rows = useMemo(() => {
    const q = search.trim().toLowerCase();
    const list = users.data ?? [];
    return q
      ? list.filter(
          (u) =>
            u.username.toLowerCase().includes(q) ||
            u.displayName.toLowerCase().includes(q) ||
            u.areaCode.startsWith(q),
        )
      : list;
  }, [users.data, search]);

  if (!allowed)
    return (
      <>
        <PageTitle title="用户管理" />
        <Alert type="warning" showIcon title="无权操作" description="用户管理仅限系统管理员（市级）。" />
      </>
    );

  const columns: ColumnsType<UserRow> = [
    { title: '用户名', dataIndex: 'username', sorter: (a, b) => a.username.localeCompare(b.username) },
    { title: '姓名/说明', dataIndex: 'displayName' },
    {
      title: '角色',
      dataIndex: 'roles',
      render: (roles: string[]) => (
        <Space size={4} wrap>
          {roles.map((r) => (
            <Tag key={r}>{label(ROLE_LABELS, r)}</Tag>
          ))}
        </Space>
      ),
    },
    {
      title: '所属区域',
      dataIndex: 'areaCode',
      render: (code: string) => {
        const level = levelOf(code);
        return (
          <Space size={4}>
            <span>{code}</span>
            {level ? <Typography.Text type="secondary">{LEVEL_LABELS[level]}</Typography.Text> : null}
          </Space>
        );
      },
      sorter: (a, b) => a.areaCode.localeCompare(b.areaCode),
    },
    {
      title: '状态',
      dataIndex: 'active',
      render: (active: boolean | undefined) =>
        active === false ? <StateTag tone="neutral">已停用</StateTag> : <StateTag tone="good">启用</StateTag>,
    },
    { title: '创建时间', dataIndex: 'createdAt', render: (at: string) => chinaDateTime(at) },
    { title: '操作', key: 'actions', render: (_: unknown, user) => <UserActions user={user} /> },
  ];

  return (
    <>
      <PageTitle
        title="用户管理"
        extra={
          <Button type="primary" onClick={() => setCreating(true)}>
            新建用户
          </Button>
        }
      />
      <Space style={{ marginBottom: 16 }}>
        <label htmlFor="user-search">查找用户</label>
        <Input
          id="user-search"
          allowClear
          style={{ width: 260 }}
          placeholder="用户名、姓名或区域代码"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
        />
      </Space>
      {users.isError ? <Alert type="error" showIcon title={describeError(users.error)} /> : null}
      <Table<UserRow>
        rowKey="id"
        size="small"
        loading={users.isLoading}
        columns={columns}
        dataSource={rows}
        pagination={{ pageSize: 50, hideOnSinglePage: true, showTotal: (n) => `共 ${n} 个用户` }}
      />
      <CreateUserModal open={creating} onClose={() => setCreating(false)} />
    </>
  );
}

function CreateUserModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<CreateValues>();
  const queryClient = useQueryClient();
  const areaCode = Form.useWatch('areaCode', form);
  const level = areaCode ? levelOf(areaCode) : null;
  const fitting = level ? ROLES_BY_LEVEL[level] : [];

  const create = useMutation({
    mutationFn: (values: CreateValues) =>
      unwrap(
        api.POST('/api/v1/users', {
          body: {
            username: values.username.trim(),
            displayName: values.displayName.trim(),
            password: values.password,
            areaCode: values.areaCode ?? '',
            roles: values.roles as never,
          },
        }),
      ),
    onSuccess: async (_, values) => {
      void message.success(`已创建用户 ${values.username}`);
      await queryClient.invalidateQueries({ queryKey: ['users'] });
      form.resetFields();
      onClose();
    },
    onError: (error) => {
      if (error instanceof ApiError && error.status === 409)
        form.setFields([{ name: 'username', errors: ['该用户名已被使用'] }]);
      else if (error instanceof ApiError && error.body.errors)
        form.setFields(
          error.body.errors.map((e) => ({
            name: (e.path.split(/[.[]/)[0] || 'username') as keyof CreateValues,
            errors: [fieldMessage(e.path, e.message)],
          })),
        );
    },
  });

  return (
    <Modal
      title="新建用户"
      open={open}
      onCancel={onClose}
      okText="创建"
      cancelText="取消"
      confirmLoading={create.isPending}
      onOk={() => form.submit()}
      destroyOnHidden
      forceRender
    >
      {create.isError && !(create.error instanceof ApiError && create.error.status < 500) ? (
        <Alert type="error" showIcon style={{ marginBottom: 12 }} title={describeError(create.error)} />
      ) : null}
      <Form<CreateValues>
        form={form}
        layout="vertical"
        initialValues={{ roles: [] }}
        onFinish={(values) => create.mutate(values)}
        onValuesChange={(changed: Partial<CreateValues>) => {
          // Roles that do not fit the newly chosen area are dropped rather than sent and refused.
          if ('areaCode' in changed) {
            const next = changed.areaCode ? levelOf(changed.areaCode) : null;
            const keep = ((form.getFieldValue('roles') as string[] | undefined) ?? []).filter(
              (r) => next !== null && ROLES_BY_LEVEL[next].includes(r),
            );
            form.setFieldValue('roles', keep);
          }
        }}
      >
        <Form.Item
          name="username"
          label="用户名"
          rules={[
            { required: true, message: '请输入用户名' },
            { pattern: /^[A-Za-z0-9_.-]{3,64}$/, message: '用户名为 3–64 位字母、数字或 _ . -' },
          ]}
        >
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="displayName"
          label="姓名/说明"
          rules={[
            { required: true, whitespace: true, message: '请输入姓名或说明' },
            { max: 100, message: '最多 100 个字符' },
          ]}
        >
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="password"
          label="初始密码"
          extra="至少 12 个字符；请线下告知本人，首次登录后自行修改。"
          rules={[
            { required: true, message: '请输入初始密码' },
            { min: 12, message: '密码至少 12 个字符' },
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item name="areaCode" label="所属区域" rules={[{ required: true, message: '请选择所属区域' }]}>
          <AreaCascader rootCode={session.user?.areaCode ?? '431100'} />
        </Form.Item>
        <Form.Item
          name="roles"
          label="角色"
          extra={
            level
              ? `${LEVEL_LABELS[level]}区域可授予：${fitting.map((r) => label(ROLE_LABELS, r)).join('、') || '无'}`
              : '请先选择所属区域：角色须与区域级别相符'
          }
          rules={[{ required: true, type: 'array', min: 1, message: '请至少选择一个角色' }]}
        >
          <RoleCheckboxes fitting={fitting} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function UsersPage() {
  return (
    <AccessibleTheme>
      <UsersContent />
    </AccessibleTheme>
  );
}
