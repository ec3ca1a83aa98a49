import { Placeholder } from '../../components/Placeholder';

/** 复核 — placeholder until its page is built (SPEC 12, CONSOLE.md). */
export function ReviewPage() {
  return <Placeholder title="复核" />;
}
