import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DiagnosticSeverity, Parser } from '@asyncapi/parser';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

/**
 * Test helper (not exported from the index: it loads devDependencies): the event contract of
 * `docs/asyncapi.yaml`, parsed and validated by @asyncapi/parser, with one JSON Schema validator per message.
 */

/** `docs/asyncapi.yaml` of the repository; this file lives at <root>/libs/events/src. */
export const ASYNCAPI_PATH = join(__dirname, '..', '..', '..', 'docs', 'asyncapi.yaml');

export interface EventContract {
  /** Every message name (= event type) the document declares. */
  readonly types: string[];
  /** Problems of an emitted envelope against the message of its `type`; empty when it conforms. */
  problems(envelope: unknown): string[];
}

export async function loadEventContract(path: string = ASYNCAPI_PATH): Promise<EventContract> {
  const { document, diagnostics } = await new Parser().parse(await readFile(path, 'utf8'), { source: path });
  // Warnings and hints (style advice such as "3.1.0 exists") do not invalidate the document.
  // Spectral and the parser type the severity with two copies of @stoplight/types, hence the numbers.
  const errors = diagnostics.filter((d) => Number(d.severity) === Number(DiagnosticSeverity.Error));
  if (!document || errors.length > 0)
    throw new Error(
      `${path} is not a valid AsyncAPI document:\n${errors.map((d) => `  ${d.path.join('.')}: ${d.message}`).join('\n')}`,
    );

  const ajv = new Ajv({ allErrors: true, strict: true, strictTypes: false });
  addFormats(ajv);
  const validators = new Map<string, ValidateFunction>();
  for (const message of document.allMessages()) {
    const name = message.name();
    const payload = message.payload();
    if (!name || !payload) throw new Error(`${path}: message ${message.id()} needs a name and a payload`);
    validators.set(name, ajv.compile(withoutParserExtensions(payload.json()) as object));
  }

  return {
    types: [...validators.keys()],
    problems(envelope: unknown): string[] {
      const type = (envelope as { type?: unknown } | null)?.type;
      const validate = typeof type === 'string' ? validators.get(type) : undefined;
      if (!validate) return [`no message for event type ${JSON.stringify(type)}`];
      if (validate(envelope)) return [];
      return (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? e.keyword}`);
    },
  };
}

/** The parser annotates schemas with `x-parser-*` keys that a strict Ajv would reject as unknown keywords. */
function withoutParserExtensions(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutParserExtensions);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => !key.startsWith('x-parser-'))
      .map(([key, v]) => [key, withoutParserExtensions(v)]),
  );
}
