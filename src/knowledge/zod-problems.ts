import type { z } from 'zod';
import { closest } from '../util/closest.ts';
import type { Problem } from './problems.ts';
import type { PathSegment, YamlFile } from './yaml-file.ts';

type AnySchema = z.ZodType;

/** Turns schema issues into problems that say where, what, and how to fix it. */
export function schemaProblems(yaml: YamlFile, schema: AnySchema, issues: readonly z.core.$ZodIssue[]): Problem[] {
  const problems: Problem[] = [];
  // A misspelt field ("ownr") is reported once, as unknown with a did-you-mean, not also as missing.
  const explained = new Set<string>();
  for (const issue of issues) {
    if (issue.code !== 'unrecognized_keys') continue;
    const allowed = Object.keys(shapeAt(schema, issue.path) ?? {});
    for (const key of issue.keys) {
      const suggestion = closest(key, allowed);
      if (suggestion) explained.add(JSON.stringify([...issue.path.map(String), suggestion]));
    }
  }
  for (const issue of issues) {
    const path = issue.path as PathSegment[];
    const field = fieldName(path);
    if (issue.code === 'unrecognized_keys') {
      const allowed = Object.keys(shapeAt(schema, path) ?? {});
      for (const key of issue.keys) {
        const suggestion = closest(key, allowed);
        problems.push({
          file: yaml.file,
          ...yaml.locate([...path, key], { key: true }),
          severity: 'error',
          message: `unknown field "${key}"${path.length ? ` in ${field}` : ''}`,
          hint: suggestion
            ? `Did you mean "${suggestion}"? Allowed here: ${allowed.join(', ')}.`
            : `Remove it, or use one of: ${allowed.join(', ')}.`,
        });
      }
      continue;
    }
    const missing = issue.code === 'invalid_type' && (issue as { input?: unknown }).input === undefined;
    const described = schemaAt(schema, path)?.description;
    if (missing && explained.has(JSON.stringify(path.map(String)))) continue;
    if (missing) {
      problems.push({
        file: yaml.file,
        ...yaml.locate(path.slice(0, -1)),
        severity: 'error',
        message: `missing required field "${field}"`,
        hint: `Add "${String(path[path.length - 1])}:"${described ? ` — ${described}` : ''}`,
      });
      continue;
    }
    problems.push({
      file: yaml.file,
      ...yaml.locate(path),
      severity: 'error',
      message: `${field || 'file'}: ${friendlyMessage(issue)}`,
      ...(described ? { hint: described } : {}),
    });
  }
  return problems;
}

function friendlyMessage(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type') {
    const input = (issue as { input?: unknown }).input;
    const received =
      input === null
        ? 'nothing (null)'
        : Array.isArray(input)
          ? 'a list'
          : typeof input === 'object'
            ? 'a mapping'
            : `${typeof input} ${JSON.stringify(input)}`;
    const expected =
      issue.expected === 'object'
        ? 'a mapping of fields'
        : issue.expected === 'array'
          ? 'a list'
          : `a ${issue.expected}`;
    return `expected ${expected}, found ${received}`;
  }
  if (issue.code === 'invalid_value') {
    return `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
  }
  const input = (issue as { input?: unknown }).input;
  if (
    issue.code === 'invalid_format' &&
    issue.format === 'date' &&
    typeof input === 'string' &&
    /^\d{4}-\d{2}-\d{2}$/.test(input)
  ) {
    return `${input} is written right, but that day does not exist${daysIn(input)}`;
  }
  return issue.message;
}

/** ", which has 28 days" for a day past the end of its month; empty when the month itself is wrong. */
function daysIn(date: string): string {
  const [year, month] = date.split('-').map(Number) as [number, number];
  if (month < 1 || month > 12) return ' (the month must be 01 to 12)';
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const name = new Date(Date.UTC(year, month - 1, 1)).toLocaleString('en', { month: 'long', timeZone: 'UTC' });
  return ` (${name} ${year} has ${days} days)`;
}

function fieldName(path: readonly PathSegment[]): string {
  return path
    .map((segment, i) => (typeof segment === 'number' ? `[${segment}]` : `${i ? '.' : ''}${String(segment)}`))
    .join('');
}

interface SchemaDef {
  type: string;
  shape?: Record<string, AnySchema>;
  element?: AnySchema;
  innerType?: AnySchema;
  in?: AnySchema;
}

function unwrap(schema: AnySchema | undefined): AnySchema | undefined {
  let current = schema;
  for (let depth = 0; current && depth < 10; depth++) {
    const def = current._zod.def as unknown as SchemaDef;
    const inner = def.innerType ?? (def.type === 'pipe' ? def.in : undefined);
    if (!inner) return current;
    current = inner;
  }
  return current;
}

function schemaAt(schema: AnySchema, path: readonly PathSegment[]): AnySchema | undefined {
  let current: AnySchema | undefined = schema;
  for (const segment of path) {
    const def = unwrap(current)?._zod.def as unknown as SchemaDef | undefined;
    if (!def) return undefined;
    current = def.type === 'object' ? def.shape?.[String(segment)] : def.type === 'array' ? def.element : undefined;
  }
  return current;
}

function shapeAt(schema: AnySchema, path: readonly PathSegment[]): Record<string, AnySchema> | undefined {
  const def = unwrap(schemaAt(schema, path))?._zod.def as unknown as SchemaDef | undefined;
  return def?.type === 'object' ? def.shape : undefined;
}
