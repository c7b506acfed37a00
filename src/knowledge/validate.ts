import { createHash } from 'node:crypto';
import { posix } from 'node:path';
import type { z } from 'zod';
import {
  FactSchema,
  SourceSchema,
  SynonymsSchema,
  TopicsSchema,
  type Fact,
  type Source,
  type Synonyms,
  type Topic,
} from './schema.ts';
import { analyze, contentTerms, textKey } from '../text/analyze.ts';
import { quoteText } from '../text/normalise.ts';
import { closest } from '../util/closest.ts';
import { byPosition, type Problem } from './problems.ts';
import { parseYamlFile, type YamlFile } from './yaml-file.ts';
import { deceptiveLinks, mentionsIn } from './markup.ts';
import { schemaProblems } from './zod-problems.ts';
import type { KnowledgeSnapshot, LoadResult } from './snapshot.ts';

/** The knowledge base's files as text, keyed by path relative to the knowledge folder ("facts/x.yaml"). */
export type KnowledgeFiles = ReadonlyMap<string, string>;

export interface ValidateOptions {
  /** Today, for review dates. */
  readonly now: Date;
  /**
   * Files already parsed by an earlier load, reused while their text is the same: a reload after one
   * saved file parses one file. Pass the same cache to every load of one folder.
   */
  readonly cache?: ParseCache;
}

/** Parsed records by file, and quote checks, kept between loads. Holds values and problems, not YAML documents. */
export interface ParseCache {
  readonly files: Map<string, { readonly text: string; readonly parsed: ParsedFile }>;
  /** Quote checks by source text and quote: undefined when found, else the hint. */
  readonly quotes: Map<string, string | undefined>;
}

type ParsedFile =
  | { readonly kind: 'fact'; readonly value: Fact; readonly yaml: YamlFile }
  | { readonly kind: 'source'; readonly value: Source; readonly yaml: YamlFile }
  | { readonly kind: 'topics'; readonly value: Topic[]; readonly yaml: YamlFile }
  | { readonly kind: 'synonyms'; readonly value: Synonyms; readonly yaml: YamlFile }
  | { readonly kind: 'broken'; readonly problems: readonly Problem[]; readonly ids: readonly string[] };

interface Located<T> {
  readonly value: T;
  readonly yaml: YamlFile;
}

/**
 * The one validator: used by `npm run kb:lint`, at start-up, on reload and by previews.
 * It reads nothing from disk; it reports every problem it can find, not just the first.
 */
export function validateKnowledge(files: KnowledgeFiles, options: ValidateOptions): LoadResult {
  const problems: Problem[] = [];
  const facts: Located<Fact>[] = [];
  // Ids of records that exist but failed validation: references to them are not errors of their own.
  const brokenIds = new Set<string>();
  const sources: Located<Source>[] = [];
  let topics: Located<Topic[]> | undefined;
  let synonyms: Located<Synonyms> | undefined;

  for (const [file, text] of [...files].sort(([a], [b]) => a.localeCompare(b))) {
    if (file.endsWith('.txt')) continue;
    const kind = kindOf(file);
    if (!kind) {
      problems.push(
        at(
          file,
          1,
          1,
          'error',
          'this file is not part of the knowledge base layout',
          'Facts go in facts/<id>.yaml, sources in sources/<id>.yaml with their text in sources/<name>.txt, topics in topics.yaml.',
        ),
      );
      continue;
    }
    const cached = options.cache?.files.get(file);
    const parsed = cached?.text === text ? cached.parsed : parseRecordFile(file, text, kind);
    if (options.cache && cached?.text !== text)
      options.cache.files.set(file, { text, parsed: withLazyPositions(parsed, file, text) });
    if (parsed.kind === 'broken') {
      for (const problem of parsed.problems) problems.push(problem);
      for (const id of parsed.ids) brokenIds.add(id);
    } else if (parsed.kind === 'fact') facts.push(parsed);
    else if (parsed.kind === 'source') sources.push(parsed);
    else if (parsed.kind === 'synonyms') synonyms = parsed;
    else topics = parsed;
  }
  if (options.cache)
    for (const file of options.cache.files.keys()) if (!files.has(file)) options.cache.files.delete(file);
  if (!files.has('topics.yaml') && !files.has('topics.yml')) {
    problems.push(
      at(
        'topics.yaml',
        1,
        1,
        'error',
        'topics.yaml is missing',
        'Create knowledge/topics.yaml with a "topics:" list; every fact names one of its ids.',
      ),
    );
  }

  const sourceById = checkSources(sources, files, problems);
  for (const record of [...facts, ...sources]) checkMarkup(record, problems);
  const topicIds = checkTopics(topics, problems);
  checkFacts(facts, sourceById, topicIds, brokenIds, files, options.now, problems, options.cache?.quotes);
  if (synonyms) checkSynonyms(synonyms, problems);

  const errors = problems.filter((p) => p.severity === 'error').sort(byPosition);
  const warnings = problems.filter((p) => p.severity === 'warning').sort(byPosition);
  if (errors.length > 0) return { ok: false, errors, warnings };
  const vocabulary = synonyms?.value ?? { equivalent: [], one_way: [], other_names: [], subject_names: [] };
  return {
    ok: true,
    snapshot: buildSnapshot(files, facts, sourceById, topics?.value ?? [], vocabulary, warnings),
    warnings,
  };
}

export function knowledgeVersion(files: KnowledgeFiles): string {
  const hash = createHash('sha256');
  for (const [file, text] of [...files].sort(([a], [b]) => a.localeCompare(b))) {
    hash.update(file).update('\0').update(text).update('\0');
  }
  return hash.digest('hex').slice(0, 12);
}

function buildSnapshot(
  files: KnowledgeFiles,
  facts: readonly Located<Fact>[],
  sourceById: ReadonlyMap<string, Located<Source>>,
  topics: readonly Topic[],
  synonyms: Synonyms,
  warnings: readonly Problem[],
): KnowledgeSnapshot {
  const sorted = [...facts].sort((a, b) => a.value.id.localeCompare(b.value.id));
  return Object.freeze({
    version: knowledgeVersion(files),
    loadedAt: new Date(),
    facts: Object.freeze(sorted.map((f) => f.value)),
    factsById: new Map(sorted.map((f) => [f.value.id, f.value])),
    sources: new Map([...sourceById].map(([id, s]) => [id, s.value])),
    topics: Object.freeze([...topics]),
    synonyms,
    factFiles: new Map(sorted.map((f) => [f.value.id, f.yaml.file])),
    warnings,
    ignored: [],
  });
}

/** One record file on its own: YAML, then the schema. Cacheable: it depends on nothing else. */
function parseRecordFile(file: string, text: string, kind: RecordKind): ParsedFile {
  const parsed = parseYamlFile(file, text);
  const ownId = kind === 'fact' || kind === 'source' ? [recordName(file)] : [];
  if (!parsed.ok) return { kind: 'broken', problems: parsed.problems, ids: ownId };
  const { yaml } = parsed;
  const problems: Problem[] = [];
  const schema = { fact: FactSchema, source: SourceSchema, topics: TopicsSchema, synonyms: SynonymsSchema }[kind];
  const value = parseWith(yaml, schema, problems);
  if (value === undefined) {
    const declaredId = (yaml.data as { id?: unknown } | null)?.id;
    return { kind: 'broken', problems, ids: typeof declaredId === 'string' ? [...ownId, declaredId] : ownId };
  }
  if (kind === 'fact') return { kind, value: value as Fact, yaml };
  if (kind === 'source') return { kind, value: value as Source, yaml };
  if (kind === 'synonyms') return { kind, value: value as Synonyms, yaml };
  return { kind, value: (value as { topics: Topic[] }).topics, yaml };
}

/** The cached copy drops the YAML document; positions are found again by parsing only if asked for. */
function withLazyPositions(parsed: ParsedFile, file: string, text: string): ParsedFile {
  if (parsed.kind === 'broken') return parsed;
  let reparsed: YamlFile | undefined;
  const yaml: YamlFile = {
    file,
    data: undefined,
    locate: (path, options) => {
      reparsed ??= (parseYamlFile(file, text) as { ok: true; yaml: YamlFile }).yaml;
      return reparsed.locate(path, options);
    },
  };
  return { ...parsed, yaml };
}

type RecordKind = 'fact' | 'source' | 'topics' | 'synonyms';

/**
 * A record's file name without its ending: facts/x.yaml and facts/x.yml both hold fact x. Many editors
 * and tools save YAML as .yml; refusing or skipping those would lose a fact over a spelling.
 */
function recordName(file: string): string {
  const name = posix.basename(file);
  return name.slice(0, name.length - (name.endsWith('.yml') ? 4 : 5));
}

function kindOf(file: string): RecordKind | undefined {
  if (file === 'topics.yaml' || file === 'topics.yml') return 'topics';
  if (file === 'synonyms.yaml' || file === 'synonyms.yml') return 'synonyms';
  if (/^facts\/[^/]+\.ya?ml$/.test(file)) return 'fact';
  if (/^sources\/[^/]+\.ya?ml$/.test(file)) return 'source';
  return undefined;
}

function parseWith<T extends z.ZodType>(yaml: YamlFile, schema: T, problems: Problem[]): z.output<T> | undefined {
  if (yaml.data === null || yaml.data === undefined) {
    problems.push(
      at(yaml.file, 1, 1, 'error', 'the file is empty', 'Write the fields of the record, or delete the file.'),
    );
    return undefined;
  }
  const result = schema.safeParse(yaml.data, { reportInput: true });
  if (result.success) return result.data;
  for (const problem of schemaProblems(yaml, schema, result.error.issues)) problems.push(problem);
  return undefined;
}

/** Ids must match their file names and be unique; the first record with an id wins. */
function indexById<T extends { id: string }>(
  kind: 'fact' | 'source',
  records: readonly Located<T>[],
  problems: Problem[],
): Map<string, Located<T>> {
  const byId = new Map<string, Located<T>>();
  for (const record of records) {
    const { value, yaml } = record;
    const expected = recordName(yaml.file);
    if (value.id !== expected) {
      problems.push(
        pointAt(
          yaml,
          ['id'],
          'error',
          `${kind} id "${value.id}" does not match its file name "${posix.basename(yaml.file)}"`,
          `Rename the file to ${kind}s/${value.id}.yaml, or set id: ${expected}.`,
        ),
      );
    }
    const twin = byId.get(value.id);
    if (twin) {
      problems.push(
        pointAt(
          yaml,
          ['id'],
          'error',
          `${kind} id "${value.id}" is already defined in ${twin.yaml.file}`,
          `${kind === 'fact' ? 'Fact' : 'Source'} ids must be unique across files; give this one another id, or merge the two.`,
        ),
      );
    } else {
      byId.set(value.id, record);
    }
  }
  return byId;
}

function checkSources(sources: readonly Located<Source>[], files: KnowledgeFiles, problems: Problem[]) {
  const byId = indexById('source', sources, problems);
  for (const { value, yaml } of byId.values()) {
    if (!files.has(`sources/${value.text}`)) {
      problems.push(
        pointAt(
          yaml,
          ['text'],
          'error',
          `source text file "sources/${value.text}" does not exist`,
          'Save the source text beside this file under that name, or correct the name.',
        ),
      );
    }
  }
  return byId;
}

function checkTopics(topics: Located<Topic[]> | undefined, problems: Problem[]): Set<string> {
  const ids = new Set<string>();
  topics?.value.forEach((topic, i) => {
    if (ids.has(topic.id)) {
      problems.push(
        pointAt(
          topics.yaml,
          ['topics', i, 'id'],
          'error',
          `topic id "${topic.id}" is listed twice`,
          'Remove the repeated topic.',
        ),
      );
    }
    ids.add(topic.id);
  });
  return ids;
}

function checkFacts(
  facts: readonly Located<Fact>[],
  sources: ReadonlyMap<string, Located<Source>>,
  topicIds: ReadonlySet<string>,
  brokenIds: ReadonlySet<string>,
  files: KnowledgeFiles,
  now: Date,
  problems: Problem[],
  quoteCache: Map<string, string | undefined> = new Map(),
): void {
  const byId = indexById('fact', facts, problems);

  const exampleOwners = new Map<string, { id: string; file: string }>();
  const normalizedTexts = new Map<string, string>();
  const hashes = new Map<string, string>();
  const hashOf = (text: string) => {
    let hash = hashes.get(text);
    if (hash === undefined) {
      hash = createHash('sha1').update(text).digest('hex');
      hashes.set(text, hash);
    }
    return hash;
  };
  const normalizedText = (file: string, text: string) => {
    let normalized = normalizedTexts.get(file);
    if (normalized === undefined) {
      normalized = quoteText(text);
      normalizedTexts.set(file, normalized);
    }
    return normalized;
  };
  const quoteKey = (textFile: string, text: string, quote: string) =>
    `${textFile}\0${text.length}\0${hashOf(text)}\0${quote}`;
  // The text a citation quotes, when its source exists and has its text file.
  const cited = (source: Located<Source>) => {
    const textFile = `sources/${source.value.text}`;
    const text = files.get(textFile);
    return text === undefined ? undefined : { textFile, text };
  };
  // Every quote not checked before, looked up in its source text at once: a text that many facts quote is
  // read once, not once per quote.
  const pending = new Map<string, { text: string; quotes: Set<string> }>();
  for (const { value: fact } of facts) {
    for (const citation of fact.citations) {
      const source = sources.get(citation.source);
      const quoted = source && cited(source);
      if (!quoted || quoteCache.has(quoteKey(quoted.textFile, quoted.text, citation.quote))) continue;
      const { textFile, text } = quoted;
      const entry = pending.get(textFile) ?? { text, quotes: new Set<string>() };
      entry.quotes.add(citation.quote);
      pending.set(textFile, entry);
    }
  }
  for (const [textFile, { text, quotes }] of pending) {
    const haystack = normalizedText(textFile, text);
    const found = quotesFound([...quotes].map(quoteText), haystack);
    for (const quote of quotes)
      quoteCache.set(
        quoteKey(textFile, text, quote),
        found.has(quoteText(quote)) ? undefined : quoteMismatch(quote, haystack),
      );
  }
  const today = now.toISOString().slice(0, 10);
  for (const { value: fact, yaml } of facts) {
    if (topicIds.size > 0 && !topicIds.has(fact.topic)) {
      const suggestion = closest(fact.topic, topicIds);
      problems.push(
        pointAt(
          yaml,
          ['topic'],
          'error',
          `unknown topic "${fact.topic}"`,
          `${suggestion ? `Did you mean "${suggestion}"? ` : ''}Topics are listed in topics.yaml: ${[...topicIds].join(', ')}.`,
        ),
      );
    }
    fact.related.forEach((relatedId, i) => {
      if (relatedId === fact.id) {
        problems.push(
          pointAt(
            yaml,
            ['related', i],
            'error',
            'a fact cannot be related to itself',
            `Remove "${relatedId}" from related.`,
          ),
        );
      } else if (!byId.has(relatedId) && !brokenIds.has(relatedId)) {
        const suggestion = closest(relatedId, byId.keys());
        problems.push(
          pointAt(
            yaml,
            ['related', i],
            'error',
            `related fact "${relatedId}" does not exist`,
            suggestion ? `Did you mean "${suggestion}"?` : 'Use the id of a fact in facts/, or remove it.',
          ),
        );
      }
    });
    fact.citations.forEach((citation, i) => {
      const source = sources.get(citation.source);
      if (!source) {
        if (brokenIds.has(citation.source)) return;
        const suggestion = closest(citation.source, sources.keys());
        problems.push(
          pointAt(
            yaml,
            ['citations', i, 'source'],
            'error',
            `source "${citation.source}" does not exist`,
            suggestion ? `Did you mean "${suggestion}"?` : `Known sources: ${[...sources.keys()].join(', ')}.`,
          ),
        );
        return;
      }
      const quoted = cited(source);
      if (!quoted) return;
      const mismatch = quoteCache.get(quoteKey(quoted.textFile, quoted.text, citation.quote));
      if (mismatch !== undefined) {
        problems.push(
          pointAt(yaml, ['citations', i, 'quote'], 'error', `quote not found in ${quoted.textFile}`, mismatch),
        );
      }
    });
    // Aliases and questions are how a fact is asked for: the same one in two facts would lead to either.
    for (const field of ['aliases', 'questions'] as const) {
      for (const language of ['en', 'fr'] as const) {
        fact[field][language].forEach((text, i) => {
          const key = textKey(text);
          const owner = exampleOwners.get(key);
          const what = field === 'aliases' ? 'alias' : 'question';
          if (owner && owner.id !== fact.id) {
            problems.push(
              pointAt(
                yaml,
                [field, language, i],
                'error',
                `${what} "${text}" is also listed by fact "${owner.id}" (${owner.file})`,
                `An ${field === 'aliases' ? 'alias' : 'example question'} must lead to one fact; remove it here or there, or make it more specific.`,
              ),
            );
          } else {
            exampleOwners.set(key, { id: fact.id, file: yaml.file });
          }
        });
      }
    }
    const listed = new Set<string>();
    fact.related.forEach((id, i) => {
      if (listed.has(id))
        problems.push(
          pointAt(
            yaml,
            ['related', i],
            'error',
            `related fact "${id}" is listed twice`,
            'Remove the repeat: each related fact is shown once, as one button.',
          ),
        );
      listed.add(id);
    });
    if (fact.as_of > today) {
      problems.push(
        pointAt(
          yaml,
          ['as_of'],
          'warning',
          `as_of ${fact.as_of} is in the future`,
          'as_of is the day the fact describes the world at, usually the date of its source; a fact cannot describe a day to come.',
        ),
      );
    }
    fact.citations.forEach((citation, i) => {
      for (const field of ['quote', 'translation'] as const) {
        const text = citation[field]?.trim();
        if (text && WRAPPING_QUOTES.test(text)) {
          problems.push(
            pointAt(
              yaml,
              ['citations', i, field],
              'warning',
              `the ${field} is wrapped in quotation marks, which staff would see twice`,
              `Remove the marks around it: the bot puts every ${field} between “ ” itself.`,
            ),
          );
        }
      }
    });
    if (fact.review_by < today) {
      problems.push(
        pointAt(
          yaml,
          ['review_by'],
          'warning',
          `review date ${fact.review_by} has passed (owner: ${fact.owner})`,
          'Check the fact against its sources, then move review_by to a future date.',
        ),
      );
    }
  }
}

/**
 * A word or phrase may stand in one place of the shared vocabulary only, and must be more than stop words
 * (the engine drops those: a rule for "the" would change every question).
 */
function checkSynonyms({ value, yaml }: Located<Synonyms>, problems: Problem[]): void {
  // Phrases that read the same ("reaction", "réaction") may repeat within one rule; across rules they clash.
  const seen = new Map<string, { rule: string; where: string }>();
  const check = (phrase: string, path: (string | number)[], rule: string, where: string) => {
    const key = contentTerms(phrase).join(' ');
    if (key === '') {
      problems.push(
        pointAt(
          yaml,
          path,
          'error',
          `"${phrase}" is only stop words, which questions are read without`,
          'Use a word that carries meaning, or remove it.',
        ),
      );
      return;
    }
    const first = seen.get(key);
    if (first === undefined) seen.set(key, { rule, where });
    else if (first.rule !== rule) {
      problems.push(
        pointAt(
          yaml,
          path,
          'error',
          `"${phrase}" is already listed ${first.where} (line ${yaml.locate(first.rule.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p))).line})`,
          'A word can be read one way only: keep it in one place, or merge the two groups.',
        ),
      );
    }
  };
  value.equivalent.forEach((group, i) => {
    group.forEach((phrase, j) =>
      check(phrase, ['equivalent', i, j], `equivalent.${i}`, `in the group starting "${group[0]}"`),
    );
  });
  const names = [
    ...value.other_names.map((name, i) => [name, 'other_names', i] as const),
    ...value.subject_names.map((name, i) => [name, 'subject_names', i] as const),
  ];
  names.forEach(([name, list, i]) => {
    if (analyze(name, { language: 'en' }).words.length !== 1) {
      problems.push(
        pointAt(
          yaml,
          [list, i],
          'error',
          `"${name}" is not one word`,
          'Write each name as one word ("YouTube", "AWS"); its other words would be read as names too.',
        ),
      );
    }
  });
  value.one_way.forEach((rule, i) => {
    rule.words.forEach((phrase, j) =>
      check(phrase, ['one_way', i, 'words', j], `one_way.${i}`, `among the words read as "${rule.means}"`),
    );
    if (contentTerms(rule.means).length === 0) {
      problems.push(
        pointAt(
          yaml,
          ['one_way', i, 'means'],
          'error',
          `"${rule.means}" is only stop words, which questions are read without`,
          'Use a word that carries meaning.',
        ),
      );
    }
  });
}

/**
 * Text is shown in Discord, which reads markup in it: a masked link whose words are one address while it
 * leads to another ("[https://www.tiktok.com/legal](https://elsewhere.example)") would send staff
 * somewhere the text does not say, so it is refused; mention syntax (@everyone, <@&id>) pings nobody from
 * the bot but shows as a mention, so it is a warning. The renderer neutralises both anyway.
 */
function checkMarkup({ value, yaml }: Located<unknown>, problems: Problem[]): void {
  const visit = (node: unknown, path: (string | number)[]): void => {
    if (typeof node === 'string') {
      for (const link of deceptiveLinks(node)) {
        problems.push(
          pointAt(
            yaml,
            path,
            'error',
            `a masked link shows "${link.words}" but leads to ${link.target}`,
            `Write the address itself, or words that are not an address: [the page's name](${link.target}).`,
          ),
        );
      }
      for (const mention of new Set(mentionsIn(node))) {
        problems.push(
          pointAt(
            yaml,
            path,
            'warning',
            `"${mention}" is mention syntax, which Discord shows as a mention`,
            'The bot pings nobody, but staff would see a highlighted mention: write who is meant in words ("everyone", "the policy team").',
          ),
        );
      }
    } else if (Array.isArray(node)) node.forEach((item, i) => visit(item, [...path, i]));
    else if (node !== null && typeof node === 'object')
      for (const [key, item] of Object.entries(node)) visit(item, [...path, key]);
  };
  visit(value, []);
}

/** A quote pasted with its quotation marks: “…”, «…», "…" or '…'. */
const WRAPPING_QUOTES = /^(“[^“”]*”|«[^«»]*»|"[^"]*"|‘[^‘’]*’|„[^„“”]*[“”])$/s;

/** Quotes shorter than this are looked up one by one; longer ones by their first this-many characters. */
const QUOTE_PREFIX = 12;
/** Fewer quotes than this in one text are looked up one by one: reading the text once would cost more. */
const FEW_QUOTES = 16;

/**
 * Which of the (normalised) quotes occur in the (normalised) text. Each quote's first characters are
 * looked up at every position of the text, so the text is read once however many quotes it has; a few
 * quotes are looked up one by one.
 */
function quotesFound(needles: readonly string[], haystack: string): Set<string> {
  const found = new Set<string>();
  const byPrefix = new Map<string, string[]>();
  for (const needle of needles) {
    if (needle.length < QUOTE_PREFIX || needles.length < FEW_QUOTES) {
      if (haystack.includes(needle)) found.add(needle);
      continue;
    }
    const prefix = needle.slice(0, QUOTE_PREFIX);
    byPrefix.set(prefix, [...(byPrefix.get(prefix) ?? []), needle]);
  }
  if (byPrefix.size === 0) return found;
  for (let i = 0; i + QUOTE_PREFIX <= haystack.length; i++) {
    const candidates = byPrefix.get(haystack.slice(i, i + QUOTE_PREFIX));
    if (candidates) for (const needle of candidates) if (haystack.startsWith(needle, i)) found.add(needle);
  }
  return found;
}

/** Undefined when the quote occurs in the (normalised) text; otherwise a hint showing where it stops matching. */
function quoteMismatch(quote: string, haystack: string): string | undefined {
  const needle = quoteText(quote);
  if (haystack.includes(needle)) return undefined;
  let low = 0;
  let high = needle.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (haystack.includes(needle.slice(0, mid))) low = mid;
    else high = mid - 1;
  }
  if (low < 8) return 'Copy the quote exactly from the source text; not even its beginning was found.';
  const start = haystack.indexOf(needle.slice(0, low));
  const expected = haystack.slice(start + low, start + low + 30);
  return `The quote matches the source up to "${needle.slice(Math.max(0, low - 30), low)}", then has "${needle.slice(low, low + 30)}" where the source has "${expected}".`;
}

function at(
  file: string,
  line: number,
  column: number,
  severity: Problem['severity'],
  message: string,
  hint: string,
): Problem {
  return { file, line, column, severity, message, hint };
}

function pointAt(
  yaml: YamlFile,
  path: (string | number)[],
  severity: Problem['severity'],
  message: string,
  hint: string,
): Problem {
  return { file: yaml.file, ...yaml.locate(path), severity, message, hint };
}
