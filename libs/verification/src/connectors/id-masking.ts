import { maskIdNumber } from '@app/privacy';

const ID_SHAPED = /\d{17}[\dX]/gi;

/**
 * A function that copies a department's answer with every occurrence of the given ID numbers masked (first 6 and last
 * 4 characters, SPEC 3.3), in values and keys alike: certificate numbers, for one, embed the ID number. Built once per
 * batch: matching is one scan for ID-shaped text and a set lookup, however many persons the batch holds.
 */
export function idNumberMasker(idNumbers: readonly string[]): (value: unknown) => unknown {
  const known = new Set(idNumbers.filter((id) => /^\d{17}[\dX]$/i.test(id)).map((id) => id.toUpperCase()));
  if (known.size === 0) return (value) => value;
  const scrub = (text: string): string =>
    text.length < 18
      ? text
      : text.replace(ID_SHAPED, (id) => (known.has(id.toUpperCase()) ? maskIdNumber(id) : id));
  const walk = (node: unknown): unknown => {
    if (typeof node === 'string') return scrub(node);
    if (Array.isArray(node)) return node.map(walk);
    if (typeof node === 'object' && node !== null)
      return Object.fromEntries(Object.entries(node).map(([key, child]) => [scrub(key), walk(child)]));
    return node;
  };
  return walk;
}

/** `idNumberMasker(idNumbers)(value)`. */
export function maskIdNumbersIn(value: unknown, idNumbers: readonly string[]): unknown {
  return idNumberMasker(idNumbers)(value);
}
