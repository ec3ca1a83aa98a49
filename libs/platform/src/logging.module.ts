import { Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import type { IncomingMessage } from 'node:http';
import { appConfig, type AppConfigType } from '@app/config';
import { correlationIdOf } from './correlation';

/** Paths whose query strings never reach the logs (they may carry names, e.g. `?q=`). */
function pathOnly(url: string | undefined): string {
  return (url ?? '').split('?')[0] ?? '';
}

/**
 * Structured JSON logs (pino) with a correlation id per request. Request logs carry method, path
 * and status only: no bodies, no query strings, no headers, so no ID numbers, names or tokens.
 */
@Module({
  imports: [
    LoggerModule.forRootAsync({
      inject: [appConfig.KEY],
      useFactory: (config: AppConfigType) => ({
        pinoHttp: {
          level: config.logLevel,
          genReqId: (req, res) => correlationIdOf(req, res),
          customAttributeKeys: { reqId: 'correlationId' },
          autoLogging: { ignore: (req: IncomingMessage) => /^\/(health|metrics)/.test(req.url ?? '') },
          serializers: {
            req: (req: { method?: string; url?: string }) => ({
              method: req.method,
              path: pathOnly(req.url),
            }),
            res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
          },
          redact: {
            paths: ['req.headers', 'authorization', '*.authorization', '*.password', '*.idNumber', '*.token'],
            remove: true,
          },
        },
      }),
    }),
  ],
})
export class LoggingModule {}
