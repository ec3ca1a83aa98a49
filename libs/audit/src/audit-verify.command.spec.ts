import { AuditVerifyUsageError, formatAuditVerification, parseAuditVerifyArgs } from './audit-verify.command';

describe('audit:verify arguments', () => {
  it.each<[string[], { chains?: string[] }]>([
    [[], {}],
    [['--chain', '431102'], { chains: ['431102'] }],
    [['--chain=431100', '--chain', '431103'], { chains: ['431100', '431103'] }],
  ])('%j → %j', (argv, expected) => {
    expect(parseAuditVerifyArgs(argv)).toEqual(expected);
  });

  it.each([[['--chain']], [['--chain', '431102001']], [['--chain=junk']], [['431102']], [['--verbose']]])(
    'refuses %j',
    (argv) => {
      expect(() => parseAuditVerifyArgs(argv)).toThrow(AuditVerifyUsageError);
    },
  );
});

describe('audit:verify report', () => {
  const head = 'f'.repeat(64);

  it('prints one line per chain and exits 0 when every chain is valid', () => {
    expect(
      formatAuditVerification({
        valid: true,
        chains: [
          { chain: '431100', valid: true, entries: 3, head },
          { chain: '431102', valid: true, entries: 0, head: '0'.repeat(64) },
        ],
      }),
    ).toEqual({
      exitCode: 0,
      lines: [
        `431100  valid   3 entries  head ${head}`,
        `431102  valid   0 entries  head ${'0'.repeat(64)}`,
        'All 2 chain(s) valid.',
      ],
    });
  });

  it('exits 1 and names the first broken seq of every broken chain', () => {
    const outcome = formatAuditVerification({
      valid: false,
      chains: [
        { chain: '431100', valid: true, entries: 3, head },
        { chain: '431102', valid: false, entries: 9, head, brokenAt: 17 },
        { chain: '431103', valid: false, entries: 4, head, brokenAt: 5 },
      ],
    });
    expect(outcome.exitCode).toBe(1);
    expect(outcome.lines).toEqual([
      `431100  valid   3 entries  head ${head}`,
      '431102  BROKEN  9 entries  first broken seq 17',
      '431103  BROKEN  4 entries  first broken seq 5',
      '2 of 3 chain(s) BROKEN: 431102 at seq 17, 431103 at seq 5',
    ]);
  });

  it('says so when there is nothing to verify', () => {
    expect(formatAuditVerification({ valid: true, chains: [] })).toEqual({
      exitCode: 0,
      lines: ['No audit chains yet.'],
    });
  });
});
