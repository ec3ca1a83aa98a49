import { Typography } from 'antd';
import { useEffect, type ReactNode } from 'react';

/** The page's h1 and the document title (screen readers and browser tabs name the page). */
export function PageTitle({ title, extra }: { title: string; extra?: ReactNode }) {
  useEffect(() => {
    document.title = `${title} - 居民家庭经济状况核对平台`;
  }, [title]);
  return (
    <div style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', marginBottom: 16 }}>
      <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
        {title}
      </Typography.Title>
      {extra}
    </div>
  );
}
