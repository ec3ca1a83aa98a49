import { Placeholder } from '../../components/Placeholder';

export function ApplicationPage() {
  return <Placeholder title="申请详情" />;
}
