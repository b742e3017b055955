import type { Context } from 'hono';
import type { CreateImportInput } from '../../imports/import-service.ts';
import { contentHash } from '../../imports/content-hash.ts';
import { ApiProblemError } from '../problems/api-problem-error.ts';
import { parseInput } from '../validation/parse-input.ts';
import { multipartFieldsSchema } from '../validation/import-schemas.ts';

/**
 * Turns `POST /imports` into the service's input: a multipart upload of the CSV file (`file` +
 * `dryRun`, `cloud`, `encoding`, `keys`). The file's bytes go through the same reader as the CLI's,
 * so there is one path from bytes to rows; the server hashes them so a file run again is recognised.
 */
export async function readCreateImportInput(c: Context): Promise<CreateImportInput> {
  const contentType = (c.req.header('content-type') ?? '').toLowerCase();
  if (contentType.startsWith('multipart/form-data')) return readMultipart(c);
  throw new ApiProblemError({
    status: 415,
    slug: 'unsupported-media-type',
    title: 'Unsupported media type',
    detail: 'Upload the CSV file itself as multipart/form-data with a "file" field (and optionally dryRun, cloud, encoding, keys); rows sent as JSON are not accepted.',
  });
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
      detail: 'The multipart/form-data body could not be read. Send a "file" field with the CSV, and optionally dryRun, cloud, encoding and keys.',
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
  // The multipart parser has the whole body in memory already: hash it and read it from there.
  const bytes = new Uint8Array(await file.arrayBuffer());
  return {
    source: {
      kind: 'csv',
      fileName: file.name || 'upload.csv',
      bytes: (async function* () {
        yield bytes;
      })(),
      ...(options.encoding ? { encoding: options.encoding } : {}),
      ...(options.keys ? { keys: options.keys } : {}),
    },
    dryRun: options.dryRun,
    cloud: options.cloud,
    contentHash: await contentHash([bytes]),
    ...(options.again ? { again: true } : {}),
  };
}
