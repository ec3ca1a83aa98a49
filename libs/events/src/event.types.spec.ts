import { EVENT_TYPES, eventSourceOf } from './event.types';

describe('event types and sources', () => {
  it('uses the contract strings of SPEC 7.2 and 11.4', () => {
    expect([...EVENT_TYPES].sort()).toEqual([
      'application.authorization-changed',
      'application.decided',
      'application.intake-rejected',
      'application.public-notice-ended',
      'application.public-notice-started',
      'application.submitted',
      'application.township-reviewed',
      'application.withdrawn',
      'beneficiary.changed',
      'beneficiary.enrolled',
      'beneficiary.life-event-matched',
      'beneficiary.review-opened',
      'beneficiary.reviewed',
      'beneficiary.stopped',
      'review-batch.completed',
      'verification.completed',
    ]);
  });

  it.each([
    ['431102001', '/hev/431102'],
    ['431102', '/hev/431102'],
    ['431102001001', '/hev/431102'],
    ['431100', '/hev/431100'],
  ])('names the county (or city) of %s as source', (areaCode, source) => {
    expect(eventSourceOf(areaCode)).toBe(source);
  });

  it.each(['', '4311', '430000', '43110200x'])('refuses %j', (areaCode) => {
    expect(() => eventSourceOf(areaCode)).toThrow('Not an area code');
  });
});
