import { Placeholder } from '../../components/Placeholder';

/** 批量核查 — placeholder until its page is built (SPEC 12, CONSOLE.md). */
export function ReviewBatchesPage() {
  return <Placeholder title="批量核查" />;
}
