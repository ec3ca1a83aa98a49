import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { api } from '../../api/client';
import { safeNext, session, type SessionUser } from '../../auth/session';

interface Credentials {
  username: string;
  password: string;
}

const REASONS: Record<string, string> = {
  idle: '您已长时间未操作，为保护居民信息已自动退出，请重新登录。',
  expired: '登录已失效，请重新登录。',
};

/** /login: 用户名, 密码, 登录 (SPEC 12); back to the page asked for after a successful login. */
export function LoginPage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const next = safeNext(params.get('next'));
  const reason = params.get('reason');

  useEffect(() => {
    document.title = '登录 - 居民家庭经济状况核对平台';
  }, []);

  const submit = async (values: Credentials): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      const { data, response, error: body } = await api.POST('/api/v1/auth/login', { body: values });
      if (response.ok && data) {
        const result = data as unknown as { accessToken: string; expiresIn: number; user: SessionUser };
        session.start(result.accessToken, result.user, result.expiresIn);
        void navigate(next, { replace: true });
        return;
      }
      if (response.status === 429) {
        const seconds = Number(
          (body as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds ?? 900,
        );
        setError(`尝试次数过多，请 ${Math.max(1, Math.ceil(seconds / 60))} 分钟后再试`);
      } else if (response.status === 401) {
        setError('用户名或密码错误');
      } else if (response.status === 400) {
        setError('请输入用户名和密码');
      } else {
        setError('登录失败，请稍后再试');
      }
    } catch {
      setError('无法连接服务器，请检查网络后重试');
    } finally {
      setBusy(false);
    }
  };

  return (
    <main style={{ minHeight: '100vh', display: 'grid', placeItems: 'center', background: '#f0f2f5' }}>
      <Card style={{ width: 380 }}>
        <Typography.Title level={1} style={{ fontSize: 22, textAlign: 'center' }}>
          居民家庭经济状况核对平台
        </Typography.Title>
        {reason && REASONS[reason] ? (
          <Alert type="info" showIcon title={REASONS[reason]} style={{ marginBottom: 16 }} />
        ) : null}
        {error ? (
          <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 16 }} />
        ) : null}
        <Form<Credentials> layout="vertical" onFinish={(v) => void submit(v)} requiredMark={false}>
          <Form.Item label="用户名" name="username" rules={[{ required: true, message: '请输入用户名' }]}>
            <Input autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item label="密码" name="password" rules={[{ required: true, message: '请输入密码' }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy}>
            登录
          </Button>
        </Form>
      </Card>
    </main>
  );
}
