import { Placeholder } from '../../components/Placeholder';

/** 政策参数 — placeholder until its page is built (SPEC 12, CONSOLE.md). */
export function PolicyPage() {
  return <Placeholder title="政策参数" />;
}
