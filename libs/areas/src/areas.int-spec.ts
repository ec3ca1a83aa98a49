import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@app/database';
import { createTestDatabase, type TestDatabase } from '@app/testing';
import { AreaLevel } from './area-level';
import { AreasService } from './areas.service';

describe('AreasService (PostgreSQL)', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let areas: AreasService;

  beforeAll(async () => {
    db = await createTestDatabase();
    dataSource = await new DataSource(dataSourceOptions(db.url, 2)).initialize();
    areas = new AreasService(dataSource);
  });

  afterAll(async () => {
    await dataSource.destroy();
    await db.drop();
  });

  it('holds the Yongzhou tree: the city, 13 county-level units and their townships', async () => {
    expect(await areas.findByCode('431100')).toMatchObject({
      name: '永州市',
      level: AreaLevel.CITY,
      parentCode: null,
    });
    const counties = await areas.listDescendants('431100', AreaLevel.COUNTY);
    expect(counties.map((c) => c.code)).toContain('431102');
    expect(counties).toHaveLength(13);
    const townships = await areas.listDescendants('431100', AreaLevel.TOWNSHIP);
    expect(townships.length).toBeGreaterThanOrEqual(190);
    expect(await areas.findByCode('431102001')).toMatchObject({ name: '朝阳街道', parentCode: '431102' });
  });

  it('lists a county’s descendants and nothing outside it', async () => {
    const inside = await areas.listDescendants('431102');
    expect(inside.length).toBeGreaterThan(0);
    expect(inside.every((a) => a.code.startsWith('431102') && a.code !== '431102')).toBe(true);
    expect(await areas.listDescendants('431102001')).toEqual([]);
  });
});
