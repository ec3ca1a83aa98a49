import { Spin } from 'antd';

export function Loading({ tip = '加载中…' }: { tip?: string }) {
  return (
    <div role="status" aria-live="polite" style={{ padding: 24, textAlign: 'center' }}>
      <Spin />
      <span style={{ marginLeft: 8 }}>{tip}</span>
    </div>
  );
}
