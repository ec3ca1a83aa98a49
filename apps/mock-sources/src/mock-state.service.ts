import { Injectable } from '@nestjs/common';
import { type PersonProfile } from './person-profile.types';
import { DEFAULT_BEHAVIOUR, type SourceBehaviour } from './source-behaviour.types';
import { MOCK_SOURCE_CODES, type MockSourceCode } from './source-codes';
import { syntheticProfile } from './synthetic-profile';

/** The mock's whole state, in memory (a single process): pinned profiles, per-source behaviour and the call log. */
@Injectable()
export class MockStateService {
  private readonly pins = new Map<string, PersonProfile>();
  private readonly behaviours = new Map<MockSourceCode, SourceBehaviour>();
  private readonly calls = new Map<string, Map<MockSourceCode, number>>();

  /** The pinned profile, or the deterministic synthetic one. */
  profileOf(idNumber: string): PersonProfile {
    const key = idNumber.toUpperCase();
    return this.pins.get(key) ?? syntheticProfile(key);
  }

  pin(idNumber: string, profile: PersonProfile): void {
    this.pins.set(idNumber.toUpperCase(), profile);
  }

  unpin(idNumber: string): boolean {
    return this.pins.delete(idNumber.toUpperCase());
  }

  behaviourOf(source: MockSourceCode): SourceBehaviour {
    return this.behaviours.get(source) ?? { ...DEFAULT_BEHAVIOUR };
  }

  /** Fields left out keep their current value; `POST /admin/reset` restores the defaults. */
  updateBehaviour(source: MockSourceCode, change: Partial<SourceBehaviour>): SourceBehaviour {
    const next = { ...this.behaviourOf(source), ...change };
    this.behaviours.set(source, next);
    return next;
  }

  recordCall(source: MockSourceCode, idNumbers: readonly string[]): void {
    for (const idNumber of new Set(idNumbers.map((id) => id.toUpperCase()))) {
      const perSource = this.calls.get(idNumber) ?? new Map<MockSourceCode, number>();
      perSource.set(source, (perSource.get(source) ?? 0) + 1);
      this.calls.set(idNumber, perSource);
    }
  }

  /** Calls received per source for one person, every source listed (0 when never called). */
  callsOf(idNumber: string): Record<MockSourceCode, number> {
    const perSource = this.calls.get(idNumber.toUpperCase());
    const counts = {} as Record<MockSourceCode, number>;
    for (const source of MOCK_SOURCE_CODES) counts[source] = perSource?.get(source) ?? 0;
    return counts;
  }

  reset(): void {
    this.pins.clear();
    this.behaviours.clear();
    this.calls.clear();
  }
}
