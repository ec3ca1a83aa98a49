import { Tag } from 'antd';
import { STATUS_COLORS, STATUS_LABELS, label } from '../lib/labels';

export function StatusTag({ status }: { status: string }) {
  return <Tag color={STATUS_COLORS[status] ?? 'default'}>{label(STATUS_LABELS, status)}</Tag>;
}
