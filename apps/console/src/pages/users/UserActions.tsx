import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form, Input, Modal, Popconfirm, Space, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { ApiError, api, describeError, unwrap } from '../../api/client';
import { session } from '../../auth/session';
import { AreaCascader } from './AreaCascader';
import { RoleCheckboxes } from './RoleCheckboxes';
import { LEVEL_LABELS, ROLES_BY_LEVEL, levelOf } from './area-levels';
import type { UserRow } from './user-row';

const LAST_ADMIN = '这是最后一名在用的系统管理员，不能停用或取消其管理员角色';

function conflictText(error: unknown): string {
  return error instanceof ApiError && error.status === 409 ? LAST_ADMIN : describeError(error);
}

/** 修改 / 停用·启用 / 重置密码 for one user (SPEC 2.3), with the reasons an action is not offered. */
export function UserActions({ user }: { user: UserRow }) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [resetting, setResetting] = useState(false);
  const self = session.user?.id === user.id;
  const active = user.active !== false;

  const toggle = useMutation({
    mutationFn: () =>
      unwrap(
        api.PATCH('/api/v1/users/{id}', { params: { path: { id: user.id } }, body: { active: !active } }),
      ),
    onSuccess: async () => {
      void message.success(active ? `已停用 ${user.username}，其登录已失效` : `已启用 ${user.username}`);
      await queryClient.invalidateQueries({ queryKey: ['users'] });
    },
    onError: (error) => void message.error(conflictText(error)),
  });

  return (
    <Space size={4} wrap>
      <Button size="small" onClick={() => setEditing(true)} aria-label={`修改 ${user.username}`}>
        修改
      </Button>
      {self ? (
        <Tooltip title="不能停用自己的账号">
          <Button size="small" disabled aria-label={`停用 ${user.username}（不能停用自己的账号）`}>
            停用
          </Button>
        </Tooltip>
      ) : (
        <Popconfirm
          title={active ? `停用 ${user.username}？` : `启用 ${user.username}？`}
          description={active ? '停用后该用户立即无法登录，已登录的会话失效。' : undefined}
          okText={active ? '停用' : '启用'}
          cancelText="取消"
          onConfirm={() => toggle.mutate()}
        >
          <Button
            size="small"
            danger={active}
            loading={toggle.isPending}
            aria-label={`${active ? '停用' : '启用'} ${user.username}`}
          >
            {active ? '停用' : '启用'}
          </Button>
        </Popconfirm>
      )}
      <Button size="small" onClick={() => setResetting(true)} aria-label={`重置密码：${user.username}`}>
        重置密码
      </Button>
      {editing ? <EditUserModal user={user} onClose={() => setEditing(false)} /> : null}
      {resetting ? <ResetPasswordModal user={user} onClose={() => setResetting(false)} /> : null}
    </Space>
  );
}

interface EditValues {
  displayName: string;
  areaCode: string;
  roles: string[];
}

function EditUserModal({ user, onClose }: { user: UserRow; onClose: () => void }) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<EditValues>();
  const areaCode = Form.useWatch('areaCode', form) ?? user.areaCode;
  const level = levelOf(areaCode);
  const fitting = level ? ROLES_BY_LEVEL[level] : [];
  const self = session.user?.id === user.id;

  const save = useMutation({
    mutationFn: (v: EditValues) =>
      unwrap(
        api.PATCH('/api/v1/users/{id}', {
          params: { path: { id: user.id } },
          body: {
            displayName: v.displayName.trim(),
            ...(v.areaCode !== user.areaCode ? { areaCode: v.areaCode } : {}),
            roles: v.roles as never,
          },
        }),
      ),
    onSuccess: async () => {
      void message.success(`已保存 ${user.username}`);
      await queryClient.invalidateQueries({ queryKey: ['users'] });
      onClose();
    },
    onError: (error) => {
      if (error instanceof ApiError && error.body.errors)
        form.setFields(
          error.body.errors.map((e) => ({
            name: (e.path.split(/[.[]/)[0] || 'roles') as keyof EditValues,
            errors: [e.path.startsWith('roles') ? `角色与区域级别不符：${e.message}` : e.message],
          })),
        );
    },
  });

  return (
    <Modal
      title={`修改用户 ${user.username}`}
      open
      onCancel={onClose}
      okText="保存"
      cancelText="取消"
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
    >
      {save.isError && !(save.error instanceof ApiError && save.error.status === 400) ? (
        <Alert type="error" showIcon style={{ marginBottom: 12 }} title={conflictText(save.error)} />
      ) : null}
      <Typography.Paragraph type="secondary">修改角色或区域后，该用户需要重新登录。</Typography.Paragraph>
      <Form<EditValues>
        form={form}
        layout="vertical"
        initialValues={{ displayName: user.displayName, areaCode: user.areaCode, roles: user.roles }}
        onFinish={(v) => save.mutate(v)}
        onValuesChange={(changed: Partial<EditValues>) => {
          if ('areaCode' in changed && changed.areaCode) {
            const next = levelOf(changed.areaCode);
            form.setFieldValue(
              'roles',
              ((form.getFieldValue('roles') as string[] | undefined) ?? []).filter(
                (r) => next !== null && ROLES_BY_LEVEL[next].includes(r),
              ),
            );
          }
        }}
      >
        <Form.Item
          name="displayName"
          label="姓名/说明"
          rules={[{ required: true, whitespace: true, message: '请输入姓名或说明' }]}
        >
          <Input />
        </Form.Item>
        <Form.Item name="areaCode" label={`所属区域（当前 ${user.areaCode}）`} rules={[{ required: true }]}>
          <AreaCascader rootCode={session.user?.areaCode ?? '431100'} />
        </Form.Item>
        <Form.Item
          name="roles"
          label="角色"
          extra={level ? `${LEVEL_LABELS[level]}区域可授予的角色` : undefined}
          rules={[{ required: true, type: 'array', min: 1, message: '请至少选择一个角色' }]}
        >
          <RoleCheckboxes fitting={fitting} locked={self ? { ADMIN: '不能取消自己的管理员角色' } : {}} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function ResetPasswordModal({ user, onClose }: { user: UserRow; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ password: string; confirm: string }>();
  const reset = useMutation({
    mutationFn: (password: string) =>
      unwrap(
        api.POST('/api/v1/users/{id}/password', { params: { path: { id: user.id } }, body: { password } }),
      ),
    onSuccess: () => {
      void message.success(`已重置 ${user.username} 的密码，其已登录的会话失效`);
      onClose();
    },
  });
  return (
    <Modal
      title={`重置 ${user.username} 的密码`}
      open
      onCancel={onClose}
      okText="重置"
      cancelText="取消"
      confirmLoading={reset.isPending}
      onOk={() => form.submit()}
    >
      {reset.isError ? (
        <Alert type="error" showIcon style={{ marginBottom: 12 }} title={describeError(reset.error)} />
      ) : null}
      <Form form={form} layout="vertical" onFinish={(v) => reset.mutate(v.password)}>
        <Form.Item
          name="password"
          label="新密码"
          extra="至少 12 个字符；请线下告知本人。"
          rules={[
            { required: true, message: '请输入新密码' },
            { min: 12, message: '密码至少 12 个字符' },
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label="再次输入新密码"
          dependencies={['password']}
          rules={[
            { required: true, message: '请再次输入新密码' },
            ({ getFieldValue }) => ({
              validator: (_, value: string | undefined) =>
                !value || value === getFieldValue('password')
                  ? Promise.resolve()
                  : Promise.reject(new Error('两次输入的密码不一致')),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
