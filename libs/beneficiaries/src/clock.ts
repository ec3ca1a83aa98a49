import { Injectable } from '@nestjs/common';

/**
 * The time dynamic management reads (due dates, effective months, the end of a gradual exit). Production uses the
 * system clock; tests and demos move it (`set`/`advance`) to simulate months without waiting.
 */
@Injectable()
export class Clock {
  private offsetMs = 0;

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  /** From now on `now()` reads `at`, then runs on from it. */
  set(at: Date): void {
    this.offsetMs = at.getTime() - Date.now();
  }

  advance(ms: number): void {
    this.offsetMs += ms;
  }

  reset(): void {
    this.offsetMs = 0;
  }
}
