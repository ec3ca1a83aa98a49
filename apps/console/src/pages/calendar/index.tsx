import { Placeholder } from '../../components/Placeholder';

/** 工作日历 — placeholder until its page is built (SPEC 12, CONSOLE.md). */
export function CalendarPage() {
  return <Placeholder title="工作日历" />;
}
