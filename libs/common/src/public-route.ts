import { SetMetadata } from '@nestjs/common';

/** Metadata key of routes that need no bearer token (login, keys, health, metrics). */
export const PUBLIC_KEY = 'hev:public';

/**
 * The route needs no bearer token. Every other route of the API needs one: the access guard decides from the
 * matched handler's metadata, never from the request's URL (SPEC 2.3).
 */
export const Public = () => SetMetadata(PUBLIC_KEY, true);
