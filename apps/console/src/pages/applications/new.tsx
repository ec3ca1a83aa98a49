import { Placeholder } from '../../components/Placeholder';

export function ApplicationNewPage() {
  return <Placeholder title="新建申请" />;
}
