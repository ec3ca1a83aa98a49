import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** Where the API's own paths live: these never fall back to the console's index.html. */
const RESERVED = /^\/(api|health|metrics)(\/|$)/i;

/**
 * Serves the browser console (SPEC 12) built into `root` (`dist/console`): hashed files under `/assets/` with
 * `immutable` caching, and `index.html` (`no-cache`) for every other GET of a path that is not the API's, so a deep
 * link or a reload opens the same page. `/api/*`, `/health/*` and `/metrics` keep their meaning: an unknown path
 * there still gets the platform's JSON 404. Returns false (and serves nothing) when the console is not built.
 */
export async function serveConsole(
  app: NestFastifyApplication,
  root: string,
  settings: { idleMinutes: number },
): Promise<boolean> {
  const indexFile = join(root, 'index.html');
  if (!existsSync(indexFile)) return false;
  // The console learns its settings from the page itself: no extra request, nothing to keep in sync.
  const indexHtml = readFileSync(indexFile, 'utf8').replace(
    /<meta name="hev-idle-minutes" content="[^"]*"/,
    `<meta name="hev-idle-minutes" content="${settings.idleMinutes}"`,
  );
  await app.register(fastifyStatic, {
    root: join(root, 'assets'),
    prefix: '/assets/',
    index: false,
    redirect: false,
    list: false,
    decorateReply: false,
    setHeaders: (reply) => {
      reply.header('cache-control', 'public, max-age=31536000, immutable');
    },
  });
  const fastify = app.getHttpAdapter().getInstance();
  const sendIndex = (request: FastifyRequest, reply: FastifyReply): FastifyReply | void => {
    const path = request.url.split('?')[0] ?? '/';
    let decoded: string;
    try {
      decoded = decodeURIComponent(path);
    } catch {
      // An undecodable path is nobody's page.
      return reply.callNotFound();
    }
    // The API's paths (in any spelling, SPEC 2.3) and anything with an empty segment keep the JSON 404.
    if (RESERVED.test(path) || RESERVED.test(decoded) || decoded.includes('//') || decoded.includes('..'))
      return reply.callNotFound();
    return reply
      .header('cache-control', 'no-cache')
      .header('content-type', 'text/html; charset=utf-8')
      .send(indexHtml);
  };
  fastify.get('/', sendIndex);
  fastify.get('/*', sendIndex);
  return true;
}
