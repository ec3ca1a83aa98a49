import { maskIdNumber } from '@app/privacy';

/**
 * A copy of a department's answer with every occurrence of the given ID numbers masked (first 6 and last 4
 * characters, SPEC 3.3), in values and keys alike: certificate numbers, for one, embed the ID number.
 */
export function maskIdNumbersIn(value: unknown, idNumbers: readonly string[]): unknown {
  const shaped = idNumbers.filter((id) => /^\d{17}[\dX]$/i.test(id));
  if (shaped.length === 0) return value;
  const pattern = new RegExp(shaped.join('|'), 'gi');
  const scrub = (text: string): string => text.replace(pattern, (id) => maskIdNumber(id));
  const walk = (node: unknown): unknown => {
    if (typeof node === 'string') return scrub(node);
    if (Array.isArray(node)) return node.map(walk);
    if (typeof node === 'object' && node !== null)
      return Object.fromEntries(Object.entries(node).map(([key, child]) => [scrub(key), walk(child)]));
    return node;
  };
  return walk(value);
}
