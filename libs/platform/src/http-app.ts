import helmet from '@fastify/helmet';
import type { Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { getToken } from '@willsoto/nestjs-prometheus';
import { Logger } from 'nestjs-pino';
import { createServer } from 'node:http';
import { register, type Histogram } from 'prom-client';
import { loadConfig } from '@app/config';
import { AllExceptionsFilter } from './all-exceptions.filter';
import { clientAddressOf } from './client-address';
import { correlationIdOf } from './correlation';
import { HostileInputInterceptor } from './hostile-input.interceptor';
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
}

/**
 * Builds a Nest application on Fastify with the platform's HTTP surface: helmet headers, the SPEC 10
 * error body, strict validation, correlation ids, latency metrics, OpenAPI and graceful shutdown.
 */
export async function createHttpApp(
  module: Type<unknown>,
  options: HttpAppOptions,
): Promise<NestFastifyApplication> {
  const config = loadConfig();
  // SPEC 2.3: X-Forwarded-For is believed only from the listed proxies (default none: the socket address).
  const adapter = new FastifyAdapter({
    bodyLimit: BODY_LIMIT_BYTES,
    trustProxy: config.trustedProxies.length > 0 ? config.trustedProxies : false,
  });
  const app = await NestFactory.create<NestFastifyApplication>(module, adapter, {
    bufferLogs: options.bufferLogs ?? true,
    // JSON only: Fastify's own JSON parser (bodyLimit applies) instead of Nest's JSON + form parsers.
    bodyParser: false,
  });
  app.useLogger(app.get(Logger));
  app.useGlobalFilters(new AllExceptionsFilter());
  app.useGlobalInterceptors(new HostileInputInterceptor());
  app.useGlobalPipes(createValidationPipe());
  app.enableShutdownHooks();

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: [`'self'`],
        styleSrc: [`'self'`, `'unsafe-inline'`],
        imgSrc: [`'self'`, 'data:'],
        scriptSrc: [`'self'`, `'unsafe-inline'`],
      },
    },
  });

  const fastify = app.getHttpAdapter().getInstance();
  // Without its text/plain parser, Fastify answers every content type but JSON with 415.
  fastify.removeContentTypeParser('text/plain');
  const histogram = app.get<Histogram<string>>(getToken(HTTP_DURATION_METRIC));
  fastify.addHook('onRequest', async (request, reply) => {
    correlationIdOf(request.raw, reply.raw);
    // Whatever a trusted proxy passed on, only an IP literal reaches the audit trail and the login throttle.
    Object.defineProperty(request, 'ip', { value: clientAddressOf(request), configurable: true });
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

  // SPEC 10 / issue 9: /metrics on an internal port or not at all, instead of beside the public API.
  if (config.metrics.mode !== 'same-port') {
    fastify.addHook('onRequest', async (request, reply) => {
      if (request.routeOptions.url !== '/metrics') return;
      const correlationId = correlationIdOf(request.raw, reply.raw);
      await reply
        .status(404)
        .send({ statusCode: 404, code: 'NOT_FOUND', message: 'Not found', correlationId });
    });
  }
  if (config.metrics.mode === 'separate-port' && config.metrics.port !== null) {
    const metricsServer = createServer((request, response) => {
      if (request.method !== 'GET' || (request.url ?? '').split('?')[0] !== '/metrics') {
        response.writeHead(404).end();
        return;
      }
      register.metrics().then(
        (text) => response.writeHead(200, { 'content-type': register.contentType }).end(text),
        () => response.writeHead(500).end(),
      );
    });
    metricsServer.listen(config.metrics.port);
    fastify.addHook('onClose', async () => {
      await new Promise((resolve) => metricsServer.close(resolve));
    });
  }

  if (options.openApi && config.apiDocs) {
    const config = new DocumentBuilder()
      .setTitle(options.title)
      .setDescription(
        'Household economic-status verification platform (居民家庭经济状况核对). Contract: SPEC.md.',
      )
      .setVersion('1')
      .addBearerAuth()
      .build();
    SwaggerModule.setup('api/docs', app, () => SwaggerModule.createDocument(app, config), {
      jsonDocumentUrl: 'api/docs-json',
    });
  }
  return app;
}
