import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { appConfig, type AppConfigType } from '@app/config';
import type { Role } from './role';

/** What a token is checked against on every request (SPEC 2.3). */
export interface TokenState {
  active: boolean;
  tokenVersion: number;
  username: string;
  roles: Role[];
  areaCode: string;
}

/**
 * The users' `active` and `tokenVersion`, read on every authenticated request and kept for at most
 * `AUTH_CACHE_TTL` (default 5 s) per process. A change made through this process is seen at once; one made through
 * another process within the TTL.
 */
@Injectable()
export class TokenStateCache {
  private readonly entries = new Map<string, { state: TokenState | null; until: number }>();
  private readonly ttlMs: number;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(appConfig.KEY) config: AppConfigType,
  ) {
    this.ttlMs = config.authCacheTtlMs;
  }

  async get(userId: string): Promise<TokenState | null> {
    const now = Date.now();
    const cached = this.entries.get(userId);
    if (cached && cached.until > now) return cached.state;
    const rows = await this.dataSource.query<
      { active: boolean; token_version: number; username: string; roles: Role[]; area_code: string }[]
    >('SELECT active, token_version, username, roles, area_code FROM users WHERE id = $1', [userId]);
    const row = rows[0];
    const state: TokenState | null = row
      ? {
          active: row.active,
          tokenVersion: row.token_version,
          username: row.username,
          roles: row.roles,
          areaCode: row.area_code,
        }
      : null;
    if (this.ttlMs > 0) {
      // Bounded: a flood of distinct (valid) user ids cannot grow the map without end.
      if (this.entries.size >= 10_000) this.entries.clear();
      this.entries.set(userId, { state, until: now + this.ttlMs });
    }
    return state;
  }

  forget(userId: string): void {
    this.entries.delete(userId);
  }
}
