import { Placeholder } from '../../../components/Placeholder';

/** 数据源报表 — placeholder until its page is built (SPEC 12, CONSOLE.md). */
export function SourcesReportPage() {
  return <Placeholder title="数据源报表" />;
}
