import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { ApiError } from './api/client';
import { router } from './routes';

dayjs.locale('zh-cn');

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // 4xx answers do not get better by asking again; a network error or a 5xx may.
      retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
      refetchOnWindowFocus: false,
      staleTime: 5_000,
    },
  },
});

const container = document.getElementById('root');
if (container)
  createRoot(container).render(
    <StrictMode>
      <ConfigProvider
        locale={zhCN}
        // 登录, 初审: button names exactly as written (antd would otherwise put a space between two characters).
        button={{ autoInsertSpace: false }}
        // Tag texts in the page's dark text colour on their light backgrounds (antd's coloured texts fail AA contrast).
        tag={{ style: { color: 'rgba(0, 0, 0, 0.88)' } }}
        // Secondary texts darker than antd's defaults: WCAG AA contrast on white, checked by axe-core in the tests.
        theme={{
          token: {
            colorPrimary: '#1256b0',
            colorLink: '#0b4a9c',
            colorError: '#c4161c',
            colorSuccess: '#237804',
            colorWarning: '#ad6800',
            borderRadius: 4,
            colorTextSecondary: 'rgba(0, 0, 0, 0.7)',
            colorTextTertiary: 'rgba(0, 0, 0, 0.62)',
            colorTextDescription: 'rgba(0, 0, 0, 0.62)',
            colorTextQuaternary: 'rgba(0, 0, 0, 0.55)',
            colorTextPlaceholder: 'rgba(0, 0, 0, 0.55)',
          },
        }}
      >
        <AntApp>
          <QueryClientProvider client={queryClient}>
            <RouterProvider router={router} />
          </QueryClientProvider>
        </AntApp>
      </ConfigProvider>
    </StrictMode>,
  );
