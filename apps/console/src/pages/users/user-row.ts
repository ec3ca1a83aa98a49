import type { components } from '../../api/schema';

/** A row of the users table: the API's user view (with `active`, SPEC 2.3). */
export type UserRow = components['schemas']['UserViewDto'];
