/**
 * What Discord refuses in a message, an autocomplete answer or a modal, checked the way Discord answers:
 * 400 with code 50035 "Invalid Form Body" and the offending keys under `errors`
 * (discord-api-docs developers/reference.mdx, "Error Messages"), or 50006 for an empty message
 * (developers/topics/opcodes-and-status-codes.mdx, "JSON Error Codes").
 * The numbers are the fake's own copy of Discord's (`rules.ts`), never the bot's.
 */
import { ComponentType, MessageFlags } from 'discord-api-types/v10';
import { DISCORD_RULES as L } from './rules.ts';
import { isRecord } from './http.ts';

export interface FormError {
  status: 400;
  body: { code: number; message: string; errors?: Record<string, unknown> };
}

type Problems = [path: string, code: string, message: string][];

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** Discord counts characters after trimming (message.mdx, "Embed Limits"); code points, not UTF-16 units. */
function length(value: unknown): number {
  return [...text(value).trim()].length;
}

function maxLength(problems: Problems, path: string, value: unknown, max: number): void {
  if (length(value) > max) problems.push([path, 'BASE_TYPE_MAX_LENGTH', `Must be ${max} or fewer in length.`]);
}

function formError(problems: Problems): FormError | undefined {
  if (problems.length === 0) return undefined;
  const errors: Record<string, unknown> = {};
  for (const [path, code, message] of problems) {
    let node = errors;
    for (const key of path.split('.').filter(Boolean)) {
      const next = isRecord(node[key]) ? node[key] : {};
      node[key] = next;
      node = next;
    }
    const list = Array.isArray(node['_errors']) ? (node['_errors'] as unknown[]) : [];
    node['_errors'] = [...list, { code, message }];
  }
  return { status: 400, body: { code: 50035, message: 'Invalid Form Body', errors } };
}

function checkEmbeds(embeds: unknown, problems: Problems): void {
  if (embeds === undefined || embeds === null) return;
  if (!Array.isArray(embeds)) return void problems.push(['embeds', 'BASE_TYPE_LIST', 'Must be a list.']);
  if (embeds.length > L.embedsPerMessage)
    problems.push(['embeds', 'BASE_TYPE_MAX_LENGTH', `Must be ${L.embedsPerMessage} or fewer in length.`]);
  let total = 0;
  embeds.forEach((embed: unknown, i) => {
    if (!isRecord(embed)) return;
    const at = `embeds.${i}`;
    maxLength(problems, `${at}.title`, embed['title'], L.embedTitle);
    maxLength(problems, `${at}.description`, embed['description'], L.embedDescription);
    const footer = isRecord(embed['footer']) ? embed['footer']['text'] : undefined;
    const author = isRecord(embed['author']) ? embed['author']['name'] : undefined;
    maxLength(problems, `${at}.footer.text`, footer, L.embedFooter);
    maxLength(problems, `${at}.author.name`, author, L.embedAuthorName);
    total += length(embed['title']) + length(embed['description']) + length(footer) + length(author);
    const fields = Array.isArray(embed['fields']) ? (embed['fields'] as unknown[]) : [];
    if (fields.length > L.embedFields)
      problems.push([`${at}.fields`, 'BASE_TYPE_MAX_LENGTH', `Must be ${L.embedFields} or fewer in length.`]);
    fields.forEach((field, j) => {
      if (!isRecord(field)) return;
      for (const [key, max] of [
        ['name', L.embedFieldName],
        ['value', L.embedFieldValue],
      ] as const) {
        if (length(field[key]) === 0)
          problems.push([`${at}.fields.${j}.${key}`, 'BASE_TYPE_REQUIRED', 'This field is required']);
        maxLength(problems, `${at}.fields.${j}.${key}`, field[key], max);
      }
      total += length(field['name']) + length(field['value']);
    });
  });
  if (total > L.embedTotal)
    problems.push(['embeds', 'MAX_EMBED_SIZE_EXCEEDED', `Embed size exceeds maximum size of ${L.embedTotal}`]);
}

function checkComponents(components: unknown, flags: number, problems: Problems, customIds: Set<string>): void {
  if (components === undefined || components === null) return;
  if (!Array.isArray(components)) return void problems.push(['components', 'BASE_TYPE_LIST', 'Must be a list.']);
  const v2 = (flags & MessageFlags.IsComponentsV2) !== 0;
  if (!v2 && components.length > L.actionRows)
    problems.push(['components', 'BASE_TYPE_MAX_LENGTH', `Must be ${L.actionRows} or fewer in length.`]);
  let count = 0;
  components.forEach((row: unknown, i) => {
    count += 1;
    if (!isRecord(row)) return;
    if (row['type'] !== ComponentType.ActionRow) {
      if (!v2)
        problems.push([`components.${i}.type`, 'UNION_TYPE_CHOICES', 'Value of field "type" must be one of (1,).']);
      return;
    }
    const children = Array.isArray(row['components']) ? (row['components'] as unknown[]) : [];
    if (children.length === 0 || children.length > L.buttonsPerRow) {
      problems.push([
        `components.${i}.components`,
        'BASE_TYPE_BAD_LENGTH',
        `Must be between 1 and ${L.buttonsPerRow} in length.`,
      ]);
    }
    children.forEach((child, j) => {
      count += 1;
      if (!isRecord(child)) return;
      const at = `components.${i}.components.${j}`;
      if (child['type'] === ComponentType.Button) maxLength(problems, `${at}.label`, child['label'], L.buttonLabel);
      if ('url' in child) return;
      checkCustomId(problems, `${at}.custom_id`, child['custom_id'], customIds);
    });
  });
  if (count > L.componentsPerMessage)
    problems.push(['components', 'BASE_TYPE_MAX_LENGTH', `Must have ${L.componentsPerMessage} or fewer components.`]);
}

function checkCustomId(problems: Problems, path: string, customId: unknown, seen: Set<string>): void {
  const id = text(customId);
  if (id.length < 1 || id.length > L.customId)
    problems.push([path, 'BASE_TYPE_BAD_LENGTH', `Must be between 1 and ${L.customId} in length.`]);
  else if (seen.has(id))
    problems.push([path, 'COMPONENT_CUSTOM_ID_DUPLICATED', 'Component custom id cannot be duplicated']);
  seen.add(id);
}

/**
 * A message body (channel message, interaction response, follow-up or edit). `creating` is false for
 * edits, which may leave every part out.
 */
export function validateMessage(body: unknown, options: { creating: boolean; files?: number }): FormError | undefined {
  const b = isRecord(body) ? body : {};
  const problems: Problems = [];
  maxLength(problems, 'content', b['content'], L.messageContent);
  checkEmbeds(b['embeds'], problems);
  checkComponents(b['components'], typeof b['flags'] === 'number' ? b['flags'] : 0, problems, new Set());
  const invalid = formError(problems);
  if (invalid) return invalid;
  const empty =
    length(b['content']) === 0 &&
    !(Array.isArray(b['embeds']) && b['embeds'].length > 0) &&
    !(Array.isArray(b['components']) && b['components'].length > 0) &&
    !(Array.isArray(b['sticker_ids']) && b['sticker_ids'].length > 0) &&
    b['poll'] === undefined &&
    (options.files ?? 0) === 0;
  if (options.creating && empty) return { status: 400, body: { code: 50006, message: 'Cannot send an empty message' } };
  return undefined;
}

/** An APPLICATION_COMMAND_AUTOCOMPLETE_RESULT's data. */
export function validateAutocomplete(data: unknown): FormError | undefined {
  const choices = isRecord(data) && Array.isArray(data['choices']) ? (data['choices'] as unknown[]) : undefined;
  const problems: Problems = [];
  if (choices === undefined) return formError([['data.choices', 'BASE_TYPE_REQUIRED', 'This field is required']]);
  if (choices.length > L.autocompleteChoices)
    problems.push(['data.choices', 'BASE_TYPE_MAX_LENGTH', `Must be ${L.autocompleteChoices} or fewer in length.`]);
  choices.forEach((choice, i) => {
    if (!isRecord(choice)) return;
    const name = text(choice['name']);
    if (name.length < 1 || name.length > L.choiceName)
      problems.push([
        `data.choices.${i}.name`,
        'BASE_TYPE_BAD_LENGTH',
        `Must be between 1 and ${L.choiceName} in length.`,
      ]);
    if (typeof choice['value'] === 'string')
      maxLength(problems, `data.choices.${i}.value`, choice['value'], L.choiceValue);
  });
  return formError(problems);
}

/** A MODAL callback's data: custom_id, title, 1–5 top-level components, their custom ids and lengths. */
export function validateModal(data: unknown): FormError | undefined {
  const d = isRecord(data) ? data : {};
  const problems: Problems = [];
  const seen = new Set<string>();
  checkCustomId(problems, 'data.custom_id', d['custom_id'], new Set());
  const title = text(d['title']);
  if (title.length < 1 || title.length > L.modalTitle)
    problems.push(['data.title', 'BASE_TYPE_BAD_LENGTH', `Must be between 1 and ${L.modalTitle} in length.`]);
  const components = Array.isArray(d['components']) ? (d['components'] as unknown[]) : [];
  if (components.length < 1 || components.length > L.modalComponents)
    problems.push(['data.components', 'BASE_TYPE_BAD_LENGTH', `Must be between 1 and ${L.modalComponents} in length.`]);
  components.forEach((top, i) => {
    if (!isRecord(top)) return;
    const at = `data.components.${i}`;
    let inputs: unknown[] = [];
    if (top['type'] === ComponentType.Label) {
      const label = text(top['label']);
      if (label.length < 1 || label.length > L.labelText)
        problems.push([`${at}.label`, 'BASE_TYPE_BAD_LENGTH', `Must be between 1 and ${L.labelText} in length.`]);
      maxLength(problems, `${at}.description`, top['description'], L.labelDescription);
      inputs = [top['component']];
    } else if (top['type'] === ComponentType.ActionRow) {
      inputs = Array.isArray(top['components']) ? (top['components'] as unknown[]) : [];
    } else if (top['type'] !== ComponentType.TextDisplay) {
      problems.push([`${at}.type`, 'UNION_TYPE_CHOICES', 'Value of field "type" must be one of (1, 10, 18).']);
    }
    inputs.forEach((input, j) => {
      if (!isRecord(input)) return;
      const path = top['type'] === ComponentType.Label ? `${at}.component` : `${at}.components.${j}`;
      checkCustomId(problems, `${path}.custom_id`, input['custom_id'], seen);
      if (input['type'] === ComponentType.TextInput) {
        maxLength(problems, `${path}.value`, input['value'], L.textInputLength);
        if (
          typeof input['max_length'] === 'number' &&
          (input['max_length'] < 1 || input['max_length'] > L.textInputLength)
        ) {
          problems.push([
            `${path}.max_length`,
            'NUMBER_TYPE_MAX',
            `int value should be less than or equal to ${L.textInputLength}.`,
          ]);
        }
      }
    });
  });
  return formError(problems);
}

/** Command names: lower case where the script has case (application-commands.mdx, "Application Command Naming"). */
const COMMAND_NAME = /^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;

/** A bulk overwrite of application commands (PUT), or one command (POST). */
export function validateCommands(commands: readonly unknown[]): FormError | undefined {
  const problems: Problems = [];
  if (commands.length > L.commandsPerScope)
    problems.push(['_', 'BASE_TYPE_MAX_LENGTH', `Must be ${L.commandsPerScope} or fewer in length.`]);
  const names = new Set<string>();
  commands.forEach((command, i) => {
    if (!isRecord(command)) return;
    const key = `${typeof command['type'] === 'number' ? command['type'] : 1}:${text(command['name'])}`;
    if (names.has(key))
      problems.push([`${i}.name`, 'APPLICATION_COMMANDS_DUPLICATE_NAME', `Application command names must be unique`]);
    names.add(key);
    const size = checkCommandPart(problems, `${i}`, command, command['type'] === undefined || command['type'] === 1);
    if (size > L.commandTotal)
      problems.push([`${i}`, 'APPLICATION_COMMAND_TOO_LARGE', `Command exceeds maximum size (${L.commandTotal})`]);
  });
  return formError(problems);
}

/** Checks a command or option and its children; returns the characters it counts toward the 8,000. */
function checkCommandPart(problems: Problems, at: string, part: Record<string, unknown>, chatInput: boolean): number {
  const longest = (field: string): number => {
    const localized = isRecord(part[`${field}_localizations`])
      ? Object.values(part[`${field}_localizations`] as Record<string, unknown>)
      : [];
    return Math.max(...[part[field], ...localized].map((v) => text(v).length));
  };
  for (const value of [
    part['name'],
    ...(isRecord(part['name_localizations']) ? Object.values(part['name_localizations']) : []),
  ]) {
    const name = text(value);
    if (!COMMAND_NAME.test(name) || (chatInput && name !== name.toLowerCase()))
      problems.push([`${at}.name`, 'APPLICATION_COMMAND_INVALID_NAME', 'Command name is invalid']);
  }
  if (chatInput) {
    for (const value of [
      part['description'],
      ...(isRecord(part['description_localizations']) ? Object.values(part['description_localizations']) : []),
    ]) {
      const description = text(value);
      if (description.length < 1 || description.length > L.commandDescription)
        problems.push([
          `${at}.description`,
          'BASE_TYPE_BAD_LENGTH',
          `Must be between 1 and ${L.commandDescription} in length.`,
        ]);
    }
  }
  let size = longest('name') + longest('description');
  const options = Array.isArray(part['options']) ? (part['options'] as unknown[]) : [];
  if (options.length > L.commandOptions)
    problems.push([`${at}.options`, 'BASE_TYPE_MAX_LENGTH', `Must be ${L.commandOptions} or fewer in length.`]);
  options.forEach((option, j) => {
    if (isRecord(option)) size += checkCommandPart(problems, `${at}.options.${j}`, option, true);
  });
  const choices = Array.isArray(part['choices']) ? (part['choices'] as unknown[]) : [];
  if (choices.length > L.commandChoices)
    problems.push([`${at}.choices`, 'BASE_TYPE_MAX_LENGTH', `Must be ${L.commandChoices} or fewer in length.`]);
  for (const choice of choices)
    if (isRecord(choice))
      size +=
        text(choice['name']).length +
        (typeof choice['value'] === 'number' ? String(choice['value']) : text(choice['value'])).length;
  return size;
}
