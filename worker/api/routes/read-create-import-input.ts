import { createHash } from 'node:crypto';
import type { Context } from 'hono';
import type { CreateImportInput } from '../../imports/import-service.ts';
import { ApiProblemError } from '../problems/api-problem-error.ts';
import { parseInput } from '../validation/parse-input.ts';
import { jsonImportSchema, multipartFieldsSchema } from '../validation/import-schemas.ts';

/**
 * Turns `POST /imports` into the service's input: a multipart upload (`file` + `dryRun`, `cloud`,
 * `encoding`) or the JSON rows the extension sends after reading the file in the browser.
 */
export async function readCreateImportInput(c: Context): Promise<CreateImportInput> {
  const contentType = (c.req.header('content-type') ?? '').toLowerCase();
  if (contentType.startsWith('multipart/form-data')) return readMultipart(c);
  if (contentType.startsWith('application/json')) return readJson(c);
  throw new ApiProblemError({
    status: 415,
    slug: 'unsupported-media-type',
    title: 'Unsupported media type',
    detail: 'Send the CSV as multipart/form-data with a "file" field, or the parsed rows as application/json.',
  });
}

async function readJson(c: Context): Promise<CreateImportInput> {
  let body: unknown;
  try {
    body = await c.req.json();
  } catch (error) {
    throw new ApiProblemError({
      status: 400,
      slug: 'malformed-json',
      title: 'Malformed JSON',
      detail: 'The request body is not valid JSON. Send { fileName, columns, keys?, rows: [{ row, line, cells }], dryRun, cloud }.',
      cause: error,
    });
  }
  // The header is checked by the service (as for an upload); a refusal becomes a 422.
  const input = parseInput(jsonImportSchema, body, 'body');
  return {
    source: { kind: 'rows', fileName: input.fileName, columns: input.columns, keys: input.keys, rows: input.rows, ...(input.encoding ? { encoding: input.encoding } : {}) },
    dryRun: input.dryRun,
    cloud: input.cloud,
  };
}

async function readMultipart(c: Context): Promise<CreateImportInput> {
  let form: Record<string, string | File | (string | File)[]>;
  try {
    form = await c.req.parseBody({ all: true });
  } catch (error) {
    throw new ApiProblemError({
      status: 400,
      slug: 'malformed-multipart',
      title: 'Malformed multipart body',
      detail: 'The multipart/form-data body could not be read. Send a "file" field with the CSV, and optionally dryRun, cloud and encoding.',
      cause: error,
    });
  }
  const { file, ...fields } = form;
  if (!(file instanceof File)) {
    throw new ApiProblemError({
      status: 400,
      slug: 'invalid-request',
      title: 'Invalid request',
      detail: Array.isArray(file)
        ? 'Send exactly one "file" field; one import takes one CSV file.'
        : 'Add a "file" field holding the CSV file (a file part, not text).',
      extensions: { errors: [{ path: 'form.file', message: 'one CSV file is required' }] },
    });
  }
  const options = parseInput(multipartFieldsSchema, fields, 'form');
  // The parsed body holds the file already: hashing it is one more pass, no more memory.
  const hash = createHash('sha256');
  for await (const chunk of file.stream() as unknown as AsyncIterable<Uint8Array>) hash.update(chunk);
  return {
    source: {
      kind: 'csv',
      fileName: file.name || 'upload.csv',
      bytes: file.stream() as unknown as AsyncIterable<Uint8Array>,
      encoding: options.encoding,
    },
    dryRun: options.dryRun,
    cloud: options.cloud,
    contentHash: hash.digest('hex'),
    ...(options.again ? { again: true } : {}),
  };
}
