import { Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import type { IncomingMessage } from 'node:http';
import { appConfig, type AppConfigType } from '@app/config';
import { correlationIdOf } from '@app/platform';

/** Request paths without query strings and with ID numbers (`/admin/persons/{idNumber}`) replaced. */
export function loggablePath(url: string | undefined): string {
  return ((url ?? '').split('?')[0] ?? '').replace(/\d{17}[\dXx]/g, '{idNumber}');
}

/**
 * The platform's request logging (method, path, status; no bodies, queries or headers), except that the control
 * API carries ID numbers in its paths, so paths are scrubbed too.
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
              path: loggablePath(req.url),
            }),
            res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
          },
          redact: { paths: ['req.headers', 'authorization', '*.authorization', '*.idNumber'], remove: true },
        },
      }),
    }),
  ],
})
export class MockLoggingModule {}
