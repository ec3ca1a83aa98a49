/*
 * Builds the API's OpenAPI document without listening (Nest preview mode: no provider is instantiated, so no database
 * or Redis is needed) and writes the console's generated types, apps/console/src/api/schema.d.ts.
 *   node -r @swc-node/register tools/openapi-types.ts          write the file
 *   node -r @swc-node/register tools/openapi-types.ts --check  fail when the committed file is stale (npm run lint)
 */
import 'reflect-metadata';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { buildOpenApiDocument } from '@app/platform';
import { AppModule } from '../apps/api/src/app.module';

const ROOT = join(__dirname, '..');
const TARGET = join(ROOT, 'apps/console/src/api/schema.d.ts');
const HEADER = `/* Generated from the API's OpenAPI document by \`npm run openapi\` (tools/openapi-types.ts). Do not edit:
 * change the DTOs and response decorators in apps/api and libs/*, then run \`npm run openapi\`. \`npm run lint\` fails
 * when this file is stale. */
`;

async function main(): Promise<void> {
  const check = process.argv.includes('--check');
  const app = await NestFactory.create<NestFastifyApplication>(AppModule, new FastifyAdapter(), {
    preview: true,
    logger: false,
    abortOnError: false,
  });
  const document = buildOpenApiDocument(app, 'HEV platform API');
  await app.close();
  const { default: openapiTS, astToString } = await import('openapi-typescript');
  const ast = await openapiTS(document as unknown as Parameters<typeof openapiTS>[0], {
    alphabetize: true,
    exportType: true,
  });
  const generated = HEADER + astToString(ast);
  let current = '';
  try {
    current = readFileSync(TARGET, 'utf8');
  } catch {
    current = '';
  }
  if (check) {
    if (current !== generated) {
      process.stderr.write(
        'apps/console/src/api/schema.d.ts is stale: the API changed. Run `npm run openapi` and commit the result.\n',
      );
      process.exit(1);
    }
    process.stdout.write('console API types are up to date\n');
    return;
  }
  writeFileSync(TARGET, generated);
  process.stdout.write(`wrote ${TARGET}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
