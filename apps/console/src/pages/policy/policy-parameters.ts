import { formatFen, parseYuan } from '../../lib/money';

/** How a parameter is typed and shown: money in 元 (stored as fen), a multiplier, a percentage, a count. */
export type ParameterKind = 'MONEY' | 'MULTIPLIER' | 'PERCENT' | 'COUNT';

export interface ParameterInfo {
  label: string;
  unit: string;
  kind: ParameterKind;
  help?: string;
}

/** SPEC 6.1 and 11.2 parameters in Chinese; one the console does not know yet is shown by its name. */
export const PARAMETERS: Record<string, ParameterInfo> = {
  dibaoStandardUrbanFen: { label: '城市低保标准', unit: '元/人·月', kind: 'MONEY' },
  dibaoStandardRuralFen: { label: '农村低保标准', unit: '元/人·月', kind: 'MONEY' },
  edgeMultiplier: { label: '低保边缘收入倍数', unit: '倍', kind: 'MULTIPLIER', help: '低保标准的倍数，1–10' },
  tekunMultiplier: {
    label: '特困供养标准倍数',
    unit: '倍',
    kind: 'MULTIPLIER',
    help: '低保标准的倍数，1–10',
  },
  financialAssetMonths: { label: '金融资产上限（低保、特困）', unit: '个月标准', kind: 'COUNT' },
  edgeFinancialAssetMonths: { label: '金融资产上限（低保边缘）', unit: '个月标准', kind: 'COUNT' },
  maxDwellings: { label: '住房套数上限', unit: '套', kind: 'COUNT' },
  enterpriseCapitalLimitFen: { label: '企业注册资本上限', unit: '元', kind: 'MONEY' },
  incomeToleranceFen: { label: '收入差异容差（金额）', unit: '元', kind: 'MONEY' },
  incomeTolerancePct: { label: '收入差异容差（比例）', unit: '%', kind: 'PERCENT', help: '0–100' },
  reviewAdjustmentThresholdFen: {
    label: '复核调整起点',
    unit: '元',
    kind: 'MONEY',
    help: '变化小于此数不调整金额',
  },
  gradualExitMonths: { label: '渐退期', unit: '个月', kind: 'COUNT', help: '最多 6 个月' },
};

export function infoOf(name: string): ParameterInfo {
  return PARAMETERS[name] ?? { label: name, unit: '', kind: name.endsWith('Fen') ? 'MONEY' : 'COUNT' };
}

/** A stored value as people read it: money in 元 with two decimals, others as they are. */
export function showValue(name: string, value: number): string {
  const info = infoOf(name);
  const text = info.kind === 'MONEY' ? formatFen(value, { group: true }) : String(value);
  return info.unit ? `${text} ${info.unit}` : text;
}

/** A stored value as the add form shows it for editing (money in 元). */
export function toInput(name: string, value: number): string {
  return infoOf(name).kind === 'MONEY' ? formatFen(value) : String(value);
}

const DECIMAL = /^\d+(?:\.\d{1,6})?$/;

/** What the form's text becomes for the API, or a Chinese message saying what is wrong. */
export function fromInput(
  name: string,
  input: string,
): { ok: true; value: number } | { ok: false; message: string } {
  const info = infoOf(name);
  const text = input.trim();
  switch (info.kind) {
    case 'MONEY': {
      const parsed = parseYuan(text);
      return parsed.ok ? { ok: true, value: parsed.fen } : parsed;
    }
    case 'COUNT':
      return /^\d{1,9}$/.test(text)
        ? { ok: true, value: Number(text) }
        : { ok: false, message: '请输入非负整数' };
    case 'MULTIPLIER':
      return DECIMAL.test(text) && Number(text) >= 1 && Number(text) <= 10
        ? { ok: true, value: Number(text) }
        : { ok: false, message: '请输入 1 到 10 之间的数，最多 6 位小数' };
    case 'PERCENT':
      return DECIMAL.test(text) && Number(text) <= 100
        ? { ok: true, value: Number(text) }
        : { ok: false, message: '请输入 0 到 100 之间的数，最多 6 位小数' };
  }
}
