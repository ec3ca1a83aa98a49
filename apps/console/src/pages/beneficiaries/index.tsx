import { Placeholder } from '../../components/Placeholder';

/** 在保家庭 — placeholder until its page is built (SPEC 12, CONSOLE.md). */
export function BeneficiaryListPage() {
  return <Placeholder title="在保家庭" />;
}
