import { Button, Result } from 'antd';
import { Link } from 'react-router';
import { PageTitle } from '../../components/PageTitle';

export function NotFoundPage() {
  return (
    <>
      <PageTitle title="未找到页面" />
      <Result
        status="404"
        title="未找到页面"
        subTitle="您访问的页面不存在，请检查地址或从左侧菜单进入。"
        extra={
          <Link to="/">
            <Button type="primary">返回工作台</Button>
          </Link>
        }
      />
    </>
  );
}
