import { Placeholder } from '../../components/Placeholder';

/** 在保家庭详情 — placeholder until its page is built (SPEC 12, CONSOLE.md). */
export function BeneficiaryPage() {
  return <Placeholder title="在保家庭详情" />;
}
