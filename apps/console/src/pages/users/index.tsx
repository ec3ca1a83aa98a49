import { Placeholder } from '../../components/Placeholder';

/** 用户管理 — placeholder until its page is built (SPEC 12, CONSOLE.md). */
export function UsersPage() {
  return <Placeholder title="用户管理" />;
}
