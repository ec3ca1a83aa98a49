import {
  chinaMidnightMillis,
  compactDate,
  dateBetween,
  fenToWanYuan,
  fenToYuan,
  fenToYuanNumber,
} from './formatting';
import { loggablePath } from './mock-logging.module';

describe('department formats', () => {
  it.each([
    [0, '0.00', '0.000000'],
    [5, '0.05', '0.000005'],
    [123456, '1234.56', '0.123456'],
    [20_000_000, '200000.00', '20.000000'],
    [1_000_000_000_000, '10000000000.00', '1000000.000000'],
  ])('writes %i fen as yuan %s and 万元 %s', (fen, yuan, wan) => {
    expect(fenToYuan(fen)).toBe(yuan);
    expect(fenToWanYuan(fen)).toBe(wan);
    expect(fenToYuanNumber(fen)).toBe(Number(yuan));
  });

  it('writes dates the departments’ ways', () => {
    expect(compactDate('2026-01-05')).toBe('20260105');
    expect(new Date(chinaMidnightMillis('2026-01-05') + 8 * 3600 * 1000).toISOString()).toBe(
      '2026-01-05T00:00:00.000Z',
    );
    expect(dateBetween('2020-01-01', '2020-01-31', 0)).toBe('2020-01-01');
    expect(dateBetween('2020-01-01', '2020-01-31', 0.999999)).toBe('2020-01-31');
  });

  it('never logs an ID number or a query string', () => {
    expect(loggablePath('/admin/persons/43110219800101001X?x=1')).toBe('/admin/persons/{idNumber}');
    expect(loggablePath('/admin/calls?idNumber=431102198001010012')).toBe('/admin/calls');
  });
});
