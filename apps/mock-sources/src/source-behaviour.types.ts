/** How one mocked department misbehaves (SPEC 5.2 `PUT /admin/sources/{code}`). */
export interface SourceBehaviour {
  /** Each call is delayed uniformly within [min, max] milliseconds. */
  latencyMs: [number, number];
  /** Share of calls answered 500, 0..1. */
  errorRate: number;
  /** Every call is answered 503. */
  down: boolean;
  /** Test-only: calls are answered 200 with a body that breaks the department's own format. */
  malformed: boolean;
}

export const DEFAULT_BEHAVIOUR: Readonly<SourceBehaviour> = {
  latencyMs: [0, 0],
  errorRate: 0,
  down: false,
  malformed: false,
};
