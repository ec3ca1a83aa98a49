import { NO_RECORD_FACTS } from '../connectors/source-records.types';
import { toVerifiedFacts, type CheckRow } from './engine-input';

describe('toVerifiedFacts', () => {
  it('keeps exactly the engine fields of the stored records and leaves unanswered sources null', () => {
    const facts = toVerifiedFacts(
      [],
      [
        {
          source: 'VEHICLE',
          memberId: 'm1',
          facts: [{ plate: '湘M1', type: 'CAR', registeredOn: '2020-01-01', disabilityMobility: false }],
        },
        {
          source: 'CIVIL_AFFAIRS',
          memberId: 'm1',
          facts: {
            maritalStatus: 'MARRIED',
            receivingAssistance: [{ programme: 'DIBAO', areaCode: '431102', since: '2024-01-01' }],
          },
        },
        { source: 'DISABILITY', memberId: 'm1', facts: null },
        { source: 'PUBLIC_PAYROLL', memberId: 'm1', facts: false },
        { source: 'HOUSING_FUND', memberId: 'm2', facts: NO_RECORD_FACTS.HOUSING_FUND },
      ],
    );
    expect(facts.members).toEqual([
      {
        memberId: 'm1',
        hukou: null,
        vehicles: [{ disabilityMobility: false }],
        socialSecurity: null,
        realEstate: null,
        businesses: null,
        tax: null,
        housingFund: null,
        banking: null,
        civilAffairs: { receivingAssistance: [{ programme: 'DIBAO', areaCode: '431102' }] },
        disability: null,
        publicPayroll: false,
      },
      expect.objectContaining({ memberId: 'm2', housingFund: { baseFen: 0 } }),
    ]);
    expect(facts.failedSources).toEqual([]);
  });

  it('counts FAILED and NOT_AUTHORIZED checks as missing data, in source order, once each', () => {
    const checks: CheckRow[] = [
      { source: 'TAX', memberId: 'm1', status: 'FAILED' },
      { source: 'BANKING', memberId: 'm1', status: 'SUCCEEDED' },
      { source: 'HUKOU', memberId: 'm2', status: 'NOT_AUTHORIZED' },
      { source: 'TAX', memberId: 'm2', status: 'NOT_AUTHORIZED' },
      { source: 'VEHICLE', memberId: 'm1', status: 'CANCELLED' },
    ];
    expect(toVerifiedFacts(checks, []).failedSources).toEqual(['HUKOU', 'TAX']);
  });
});
