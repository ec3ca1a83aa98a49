import { createHash } from 'node:crypto';

/**
 * A deterministic stream of numbers in [0, 1) seeded by the SHA-256 of a string (sfc32 generator): one hash per
 * person instead of one per attribute keeps the mock cheap under benchmark load.
 */
export class HashStream {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  private constructor(a: number, b: number, c: number, d: number) {
    this.a = a;
    this.b = b;
    this.c = c;
    this.d = d;
    // The first outputs of sfc32 are poorly mixed: discard them.
    for (let i = 0; i < 12; i++) this.next();
  }

  static of(seed: string): HashStream {
    const digest = createHash('sha256').update(seed).digest();
    return new HashStream(
      digest.readUInt32BE(0),
      digest.readUInt32BE(4),
      digest.readUInt32BE(8),
      digest.readUInt32BE(12),
    );
  }

  /**
   * An independent stream for one group of attributes: the parent advances by a fixed amount whatever the child
   * draws, so changing one distribution never shifts the others.
   */
  fork(): HashStream {
    const word = (): number => Math.floor(this.next() * 4294967296);
    return new HashStream(word(), word(), word(), word());
  }

  next(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return (t >>> 0) / 4294967296;
  }

  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(values: readonly T[]): T {
    const value = values[Math.floor(this.next() * values.length)];
    if (value === undefined) throw new RangeError('pick from an empty list');
    return value;
  }
}
