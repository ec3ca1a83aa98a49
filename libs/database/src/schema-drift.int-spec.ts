import { pendingSchemaChanges } from './migrate';
import { createTestDatabase, type TestDatabase } from '@app/testing';

/** The same check CI runs (`npm run db:check-drift`): entities need nothing the migrations do not create. */
describe('entities and migrations', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
  });

  afterAll(async () => {
    await db.drop();
  });

  it('have not drifted', async () => {
    expect(await pendingSchemaChanges(db.url)).toEqual([]);
  });
});
