import { Placeholder } from '../../components/Placeholder';

export function ApplicationListPage() {
  return <Placeholder title="申请列表" />;
}
