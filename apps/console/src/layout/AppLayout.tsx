import { Button, Layout, Menu, Space, Typography } from 'antd';
import { Suspense } from 'react';
import { Link, Outlet, useLocation, useNavigation } from 'react-router';
import { useMe } from '../api/hooks';
import { session } from '../auth/session';
import { Loading } from '../components/Loading';
import { ROLE_LABELS, label } from '../lib/labels';
import { menuFor } from './menu';

/** The frame of every page after login: the menu by role, the user and 退出登录. */
export function AppLayout() {
  const user = session.user;
  const location = useLocation();
  const navigation = useNavigation();
  // Confirms the session with the API on every page load: a token that no longer works (expired, revoked, user
  // deactivated) answers 401, which ends the session and returns to /login with this page as `next`.
  useMe();
  if (!user) return null;
  const entries = menuFor(user.roles);
  // The deepest menu path that the current path starts with is the selected entry.
  const selected =
    [...entries]
      .sort((a, b) => b.path.length - a.path.length)
      .find((e) => (e.path === '/' ? location.pathname === '/' : location.pathname.startsWith(e.path)))
      ?.path ?? '';

  const logout = async (): Promise<void> => {
    // Revoke the token on the server where the API offers it; the session ends in the browser either way.
    try {
      await fetch('/api/v1/auth/logout', {
        method: 'POST',
        headers: { authorization: `Bearer ${session.token ?? ''}` },
      });
    } catch {
      // Offline: the token is dropped here anyway.
    }
    session.end('logout');
  };

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider width={200} theme="light" style={{ borderRight: '1px solid #eee' }}>
        <div style={{ padding: '16px 16px 8px', fontWeight: 600, color: '#1256b0' }}>家庭经济状况核对</div>
        <nav aria-label="主菜单">
          <Menu
            mode="inline"
            selectedKeys={[selected]}
            items={entries.map((e) => ({ key: e.path, label: <Link to={e.path}>{e.label}</Link> }))}
          />
        </nav>
      </Layout.Sider>
      <Layout>
        <Layout.Header
          style={{
            background: '#fff',
            borderBottom: '1px solid #eee',
            display: 'flex',
            justifyContent: 'flex-end',
            alignItems: 'center',
            paddingInline: 24,
          }}
        >
          <Space size="middle">
            <Typography.Text>
              {user.username}（{user.roles.map((r) => label(ROLE_LABELS, r)).join('、')}，{user.areaCode}）
            </Typography.Text>
            <Button onClick={() => void logout()}>退出登录</Button>
          </Space>
        </Layout.Header>
        <Layout.Content style={{ padding: 24 }}>
          <main>
            {navigation.state === 'loading' ? <Loading /> : null}
            <Suspense fallback={<Loading />}>
              <Outlet />
            </Suspense>
          </main>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
