import { AreaLevel, areaLevelOf, cityOf, countyOf, isWithinScope, scopePrefix } from './area-level';

describe('area levels', () => {
  it.each([
    ['431100', AreaLevel.CITY],
    ['431102', AreaLevel.COUNTY],
    ['431171', AreaLevel.COUNTY],
    ['431102001', AreaLevel.TOWNSHIP],
    ['431102001001', AreaLevel.VILLAGE],
    ['430000', null],
    ['4311', null],
    ['43110200', null],
    ['abcdef', null],
  ])('%s is %s', (code, level) => {
    expect(areaLevelOf(code)).toBe(level);
  });
});

describe('scope', () => {
  it.each([
    ['431102001', '431100', true],
    ['431102', '431100', true],
    ['431100', '431100', true],
    ['431102001', '431102', true],
    ['431102001001', '431102001', true],
    ['431102001', '431102001', true],
    ['431103001', '431102', false],
    ['431102002', '431102001', false],
    ['431102', '431102001', false],
    ['431100', '431102', false],
    ['431202', '431100', false],
    ['431102', 'junk', false],
  ])('%s within %s → %s', (target, scope, expected) => {
    expect(isWithinScope(target, scope)).toBe(expected);
  });

  it('derives the prefix, county and city', () => {
    expect(scopePrefix('431100')).toBe('4311');
    expect(scopePrefix('431102')).toBe('431102');
    expect(countyOf('431102001')).toBe('431102');
    expect(countyOf('431102')).toBe('431102');
    expect(countyOf('431100')).toBeNull();
    expect(cityOf('431102001')).toBe('431100');
  });
});
