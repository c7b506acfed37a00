/** Fault injection: failures (500, 403, 429 with retry-after…) and slow responses on matching requests. */
import { createHash } from 'node:crypto';
import type { RouteResult } from './http.ts';
import type { DelayRule, FailRule, RecordedRequest } from './types.ts';

const DEFAULT_ERRORS: Record<number, { message: string; code: number }> = {
  400: { message: '400: Bad Request', code: 0 },
  401: { message: '401: Unauthorized', code: 0 },
  403: { message: 'Missing Permissions', code: 50013 },
  404: { message: 'Unknown', code: 0 },
  500: { message: '500: Internal Server Error', code: 0 },
  502: { message: '502: Bad Gateway', code: 0 },
  503: { message: '503: Service Unavailable', code: 0 },
};

function matchesRule(rule: { method?: string; pathMatch: string | RegExp }, request: RecordedRequest): boolean {
  if (rule.method !== undefined && rule.method.toUpperCase() !== request.method) return false;
  return typeof rule.pathMatch === 'string' ? request.path.includes(rule.pathMatch) : rule.pathMatch.test(request.path);
}

export function createFaults() {
  const failRules: (FailRule & { remaining: number })[] = [];
  const delayRules: (DelayRule & { remaining: number })[] = [];

  const takeRule = <R extends { method?: string; pathMatch: string | RegExp; remaining: number }>(
    rules: R[],
    request: RecordedRequest,
  ): R | undefined => {
    const rule = rules.find((r) => matchesRule(r, request));
    if (rule === undefined) return undefined;
    rule.remaining -= 1;
    if (rule.remaining <= 0) rules.splice(rules.indexOf(rule), 1);
    return rule;
  };

  const failureResponse = (rule: FailRule, request: RecordedRequest): RouteResult => {
    if (rule.status === 429) {
      const retryAfter = rule.retryAfter ?? 0.05;
      const global = rule.global ?? false;
      return {
        status: 429,
        body: rule.body ?? { message: 'You are being rate limited.', retry_after: retryAfter, global },
        headers: {
          'retry-after': String(retryAfter),
          'x-ratelimit-limit': '5',
          'x-ratelimit-remaining': '0',
          'x-ratelimit-reset': ((Date.now() + retryAfter * 1000) / 1000).toFixed(3),
          'x-ratelimit-reset-after': String(retryAfter),
          // One bucket per method + path, so a fake 429 never couples unrelated routes in @discordjs/rest.
          'x-ratelimit-bucket': createHash('sha1')
            .update(`${request.method} ${request.path}`)
            .digest('hex')
            .slice(0, 32),
          'x-ratelimit-scope': global ? 'global' : 'user',
          ...(global ? { 'x-ratelimit-global': 'true' } : {}),
          ...rule.headers,
        },
      };
    }
    return {
      status: rule.status,
      body: rule.body ?? DEFAULT_ERRORS[rule.status] ?? { message: `${rule.status}: Fake failure`, code: 0 },
      ...(rule.headers !== undefined ? { headers: rule.headers } : {}),
    };
  };
  return {
    failNext: (rule: FailRule) => void failRules.push({ ...rule, remaining: rule.times ?? 1 }),
    delayNext: (rule: DelayRule) => void delayRules.push({ ...rule, remaining: rule.times ?? 1 }),
    clear: () => {
      failRules.length = 0;
      delayRules.length = 0;
    },
    /** The delay rule this request uses up, if any. */
    takeDelay: (request: RecordedRequest) => takeRule(delayRules, request),
    /** The failure to answer this request with, if a rule matches it. */
    takeFailure: (request: RecordedRequest): RouteResult | undefined => {
      const rule = takeRule(failRules, request);
      return rule === undefined ? undefined : failureResponse(rule, request);
    },
  };
}
