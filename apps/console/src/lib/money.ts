/**
 * Money in the console: the API speaks integer fen (分), people type and read 元 with two decimals. Conversions are
 * done on the decimal string itself, never through floating point (0.07 元 is 7 fen, not 7.000000000000001).
 */

/** Largest amount the API accepts (SPEC 3.1: 0 ≤ fen ≤ 10^12). */
export const MAX_FEN = 1_000_000_000_000;

const YUAN_SHAPE = /^(\d{1,11})(?:\.(\d{0,2}))?$/;

export type YuanParse = { ok: true; fen: number } | { ok: false; message: string };

/**
 * Parses an amount typed in 元 ("650", "19.99", "0.07", "1,234.5") into integer fen. Spaces and thousands separators
 * (, and ，) are ignored; more than two decimals, a sign or anything else is refused with a Chinese message.
 */
export function parseYuan(input: string): YuanParse {
  const text = input
    .trim()
    .replace(/[,，\s]/g, '')
    .replace(/^￥|^¥/, '');
  if (text === '') return { ok: false, message: '请输入金额' };
  if (text.startsWith('-')) return { ok: false, message: '金额不能为负数' };
  const match = YUAN_SHAPE.exec(text);
  if (!match) {
    if (/^\d+\.\d{3,}$/.test(text)) return { ok: false, message: '金额最多两位小数（元）' };
    return { ok: false, message: '请输入数字金额（元），如 650.00' };
  }
  const whole = match[1] ?? '0';
  const cents = (match[2] ?? '').padEnd(2, '0');
  // Whole yuan × 100 + cents, assembled as a digit string: exact for every value below 2^53.
  const fen = Number(`${whole}${cents}`.replace(/^0+(?=\d)/, ''));
  if (fen > MAX_FEN) return { ok: false, message: '金额超出上限（100 亿元）' };
  return { ok: true, fen };
}

/** Integer fen → "650.00" (grouping with `group`: "1,234.50"). Refuses anything that is not a safe integer. */
export function formatFen(fen: number, options: { group?: boolean } = {}): string {
  if (!Number.isSafeInteger(fen)) throw new RangeError('fen must be a safe integer');
  const negative = fen < 0;
  const digits = String(Math.abs(fen)).padStart(3, '0');
  let whole = digits.slice(0, -2);
  const cents = digits.slice(-2);
  if (options.group) whole = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${negative ? '-' : ''}${whole}.${cents}`;
}

/** Integer fen → "650.00 元", or "—" for null/undefined. */
export function yuan(fen: number | null | undefined): string {
  return fen === null || fen === undefined ? '—' : `${formatFen(fen, { group: true })} 元`;
}
