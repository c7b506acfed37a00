/** HTTP plumbing of the fake's REST side: paths, bodies (JSON and multipart), JSON responses. */
import type { ServerResponse } from 'node:http';
import type { RecordedFile } from './types.ts';

export interface RouteResult {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The route of a request path, or undefined when it does not start with `/api`: discord.com serves the
 * API only under /api (discord-api-docs developers/reference.mdx, "API Versioning": `/api/v{version}`).
 */
export function normalisePath(pathname: string): string | undefined {
  if (!/^\/api(?=\/|$)/.test(pathname)) return undefined;
  let path = pathname.replace(/^\/api/, '').replace(/^\/v\d+(?=\/|$)/, '');
  if (path === '') path = '/';
  return path
    .split('/')
    .map((segment) => {
      try {
        return decodeURIComponent(segment);
      } catch {
        return segment;
      }
    })
    .join('/');
}

function parseMultipart(contentType: string, raw: Buffer): { body: unknown; files: RecordedFile[] } {
  const boundaryMatch = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
  const boundary = boundaryMatch?.[1] ?? boundaryMatch?.[2];
  if (boundary === undefined) return { body: undefined, files: [] };
  const text = raw.toString('latin1');
  const parts = text.split(`--${boundary}`).slice(1, -1);
  let body: unknown = undefined;
  const files: RecordedFile[] = [];
  for (const part of parts) {
    const trimmed = part.replace(/^\r\n/, '').replace(/\r\n$/, '');
    const headerEnd = trimmed.indexOf('\r\n\r\n');
    if (headerEnd === -1) continue;
    const headerText = trimmed.slice(0, headerEnd);
    const content = trimmed.slice(headerEnd + 4);
    const name = /name="([^"]*)"/i.exec(headerText)?.[1] ?? '';
    const filename = /filename="([^"]*)"/i.exec(headerText)?.[1];
    const partType = /content-type:\s*([^\r\n]+)/i.exec(headerText)?.[1];
    if (filename !== undefined) {
      files.push({ field: name, filename, contentType: partType, size: Buffer.byteLength(content, 'latin1') });
    } else if (name === 'payload_json') {
      const jsonText = Buffer.from(content, 'latin1').toString('utf8');
      try {
        body = JSON.parse(jsonText) as unknown;
      } catch {
        body = jsonText;
      }
    }
  }
  return { body, files };
}

export function parseBody(contentType: string | undefined, raw: Buffer): { body: unknown; files: RecordedFile[] } {
  if (raw.length === 0) return { body: undefined, files: [] };
  if (contentType?.startsWith('multipart/form-data')) return parseMultipart(contentType, raw);
  const text = raw.toString('utf8');
  try {
    return { body: JSON.parse(text) as unknown, files: [] };
  } catch {
    return { body: text, files: [] };
  }
}

export function writeResponse(res: ServerResponse, result: RouteResult): void {
  if (res.destroyed || res.writableEnded) return;
  const headers: Record<string, string> = { ...result.headers };
  if (result.body === undefined || result.status === 204) {
    res.writeHead(result.status, headers);
    res.end();
    return;
  }
  const payload = JSON.stringify(result.body);
  res.writeHead(result.status, {
    'content-type': 'application/json',
    'content-length': String(Buffer.byteLength(payload)),
    ...headers,
  });
  res.end(payload);
}
