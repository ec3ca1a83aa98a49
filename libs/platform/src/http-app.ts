import helmet from '@fastify/helmet';
import type { INestApplication, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { getToken } from '@willsoto/nestjs-prometheus';
import { Logger } from 'nestjs-pino';
import type { Histogram } from 'prom-client';
import { appConfig, type AppConfigType } from '@app/config';
import { AllExceptionsFilter } from './all-exceptions.filter';
import { serveConsole } from './console-static';
import { correlationIdOf } from './correlation';
import { HTTP_DURATION_METRIC } from './metrics.module';
import { createValidationPipe } from './validation';

/** SPEC 3.1: bodies over 256 KiB answer 413. */
export const BODY_LIMIT_BYTES = 256 * 1024;

export interface HttpAppOptions {
  title: string;
  /** Serve OpenAPI at /api/docs and /api/docs-json. */
  openApi?: boolean;
  /** Buffer logs until the pino logger is ready (false in tests that want silence). */
  bufferLogs?: boolean;
  /** Serve the browser console built into this folder (`dist/console`) at `/` (SPEC 12). */
  consoleRoot?: string;
}

/**
 * Builds a Nest application on Fastify with the platform's HTTP surface: helmet headers, the SPEC 10
 * error body, strict validation, correlation ids, latency metrics, OpenAPI and graceful shutdown.
 */
export async function createHttpApp(
  module: Type<unknown>,
  options: HttpAppOptions,
): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({ bodyLimit: BODY_LIMIT_BYTES, trustProxy: true });
  const app = await NestFactory.create<NestFastifyApplication>(module, adapter, {
    bufferLogs: options.bufferLogs ?? true,
    // JSON only: Fastify's own JSON parser (bodyLimit applies) instead of Nest's JSON + form parsers.
    bodyParser: false,
  });
  app.useLogger(app.get(Logger));
  app.useGlobalFilters(new AllExceptionsFilter());
  app.useGlobalPipes(createValidationPipe());
  app.enableShutdownHooks();

  // Only the platform's own origin: the console and Swagger UI load scripts from files, never inline. Styles may be
  // inline (Ant Design writes its CSS-in-JS into <style> elements). No upgrade-insecure-requests: stations reach the
  // service over plain HTTP on their intranet too.
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: [`'self'`],
        scriptSrc: [`'self'`],
        styleSrc: [`'self'`, `'unsafe-inline'`],
        imgSrc: [`'self'`, 'data:'],
        fontSrc: [`'self'`, 'data:'],
        connectSrc: [`'self'`],
        objectSrc: [`'none'`],
        baseUri: [`'self'`],
        formAction: [`'self'`],
        frameAncestors: [`'none'`],
      },
    },
  });
  if (options.consoleRoot) {
    const config = app.get<AppConfigType>(appConfig.KEY);
    const served = await serveConsole(app, options.consoleRoot, { idleMinutes: config.consoleIdleMinutes });
    if (!served)
      app
        .get(Logger)
        .warn(`The console is not built (${options.consoleRoot}/index.html is missing): run npm run build`);
  }

  const fastify = app.getHttpAdapter().getInstance();
  // Without its text/plain parser, Fastify answers every content type but JSON with 415.
  fastify.removeContentTypeParser('text/plain');
  const histogram = app.get<Histogram<string>>(getToken(HTTP_DURATION_METRIC));
  fastify.addHook('onRequest', async (request, reply) => {
    correlationIdOf(request.raw, reply.raw);
  });
  fastify.addHook('onResponse', async (request, reply) => {
    histogram.observe(
      {
        method: request.method,
        route: request.routeOptions.url ?? 'unmatched',
        status: String(reply.statusCode),
      },
      reply.elapsedTime / 1000,
    );
  });

  if (options.openApi) {
    SwaggerModule.setup('api/docs', app, () => buildOpenApiDocument(app, options.title), {
      jsonDocumentUrl: 'api/docs-json',
    });
  }
  return app;
}

/** The OpenAPI document of an application's routes (served at /api/docs-json; the console's types come from it). */
export function buildOpenApiDocument(app: INestApplication, title: string): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle(title)
    .setDescription(
      'Household economic-status verification platform (居民家庭经济状况核对). Contract: SPEC.md.',
    )
    .setVersion('1')
    .addBearerAuth()
    .build();
  return SwaggerModule.createDocument(app, config);
}
