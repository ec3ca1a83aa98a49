import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Area } from './area.entity';
import { AreaLevel, scopePrefix } from './area-level';

/** How long a found area is served from memory. The tree only changes by migration; this bounds staleness anyway. */
const AREA_CACHE_MS = 5 * 60_000;

@Injectable()
export class AreasService {
  /** Areas found by code (misses are never cached, so the map holds at most the tree's ~210 rows). */
  private readonly cache = new Map<string, { area: Area; until: number }>();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Every application create looks its township up: served from memory after the first read. */
  async findByCode(code: string): Promise<Area | null> {
    const cached = this.cache.get(code);
    if (cached && cached.until > Date.now()) return { ...cached.area };
    const area = await this.dataSource.getRepository(Area).findOneBy({ code });
    if (area) this.cache.set(code, { area: { ...area }, until: Date.now() + AREA_CACHE_MS });
    return area;
  }

  /** The areas directly below `code`, ordered by code. */
  listChildren(code: string): Promise<Area[]> {
    return this.dataSource.getRepository(Area).find({ where: { parentCode: code }, order: { code: 'ASC' } });
  }

  /** Every area strictly below `code`, optionally of one level, ordered by code. */
  listDescendants(code: string, level?: AreaLevel): Promise<Area[]> {
    const qb = this.dataSource
      .getRepository(Area)
      .createQueryBuilder('a')
      .where('a.code LIKE :prefix AND a.code <> :code', { prefix: `${scopePrefix(code)}%`, code })
      .orderBy('a.code');
    if (level) qb.andWhere('a.level = :level', { level });
    return qb.getMany();
  }
}
