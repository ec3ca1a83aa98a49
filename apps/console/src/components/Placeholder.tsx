import { Result } from 'antd';
import { PageTitle } from './PageTitle';

/** A page of SPEC 12 that is not built yet: says so plainly instead of a blank screen. */
export function Placeholder({ title, note }: { title: string; note?: string }) {
  return (
    <>
      <PageTitle title={title} />
      <Result status="info" title={`${title}：建设中`} subTitle={note ?? '此页面将在后续版本中提供。'} />
    </>
  );
}
