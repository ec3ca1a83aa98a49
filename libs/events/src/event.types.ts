import { areaLevelOf, cityOf, countyOf } from '@app/areas';

/** The event types of SPEC 7.2; the values are the contract strings (job names on the subscriber queues). */
export enum EventType {
  SUBMITTED = 'application.submitted',
  AUTHORIZATION_CHANGED = 'application.authorization-changed',
  VERIFICATION_COMPLETED = 'verification.completed',
  TOWNSHIP_REVIEWED = 'application.township-reviewed',
  PUBLIC_NOTICE_STARTED = 'application.public-notice-started',
  PUBLIC_NOTICE_ENDED = 'application.public-notice-ended',
  DECIDED = 'application.decided',
  WITHDRAWN = 'application.withdrawn',
  INTAKE_REJECTED = 'application.intake-rejected',
  // SPEC 11: dynamic management (subject: the beneficiary id; review-batch.completed: the batch id).
  BENEFICIARY_ENROLLED = 'beneficiary.enrolled',
  BENEFICIARY_REVIEW_OPENED = 'beneficiary.review-opened',
  BENEFICIARY_REVIEWED = 'beneficiary.reviewed',
  BENEFICIARY_CHANGED = 'beneficiary.changed',
  BENEFICIARY_STOPPED = 'beneficiary.stopped',
  BENEFICIARY_LIFE_EVENT_MATCHED = 'beneficiary.life-event-matched',
  REVIEW_BATCH_COMPLETED = 'review-batch.completed',
}

export const EVENT_TYPES: readonly EventType[] = Object.values(EventType);

/** The CloudEvents 1.0 envelope every subscriber job carries as its data (SPEC 7.2, docs/asyncapi.yaml). */
export interface CloudEvent<D extends Record<string, unknown> = Record<string, unknown>> {
  specversion: '1.0';
  /** Unique per event; also the job id on every subscriber queue, so consumers deduplicate by it. */
  id: string;
  type: EventType;
  /** `/hev/<county code>`, or `/hev/<city code>` for city-level events. */
  source: string;
  /** The application id; absent only where there is no application (`application.intake-rejected`). */
  subject?: string;
  time: string;
  datacontenttype: 'application/json';
  data: D;
}

/** What a caller states about an event; `OutboxService.addEvent` adds id, source and time. */
export interface NewEvent {
  /**
   * A deterministic event id, for an event that a retried handler may write twice (the caller checks
   * `OutboxService.hasMessage` first); random when left out.
   */
  id?: string;
  type: EventType;
  /** The application id. */
  subject?: string;
  /** Where it happened (township, county or city code); decides the envelope's `source`. */
  areaCode: string;
  data: Record<string, unknown>;
}

/** CloudEvents `source`: the county the area belongs to, or the city itself for a city-level code. */
export function eventSourceOf(areaCode: string): string {
  if (areaLevelOf(areaCode) === null) throw new Error(`Not an area code: ${areaCode}`);
  return `/hev/${countyOf(areaCode) ?? cityOf(areaCode)}`;
}
