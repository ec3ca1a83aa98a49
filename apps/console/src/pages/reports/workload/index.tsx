import { Placeholder } from '../../../components/Placeholder';

/** 工作量报表 — placeholder until its page is built (SPEC 12, CONSOLE.md). */
export function WorkloadReportPage() {
  return <Placeholder title="工作量报表" />;
}
