import { Placeholder } from '../../components/Placeholder';

/** 审计查询 — placeholder until its page is built (SPEC 12, CONSOLE.md). */
export function AuditPage() {
  return <Placeholder title="审计查询" />;
}
