import SchemaBuilder, { BasePlugin, type PothosOutputFieldConfig, type SchemaTypes } from '@pothos/core';
import { TEXT_KINDS, ValidationError, idempotencyKeyProblem, textKindOf, textProblem, type FieldIssue, type TextKind, type TextRule } from '@kkmp/core/kernel';
import {
  getNamedType,
  isInputObjectType,
  isListType,
  isNonNullType,
  type GraphQLFieldResolver,
  type GraphQLInputType,
  type GraphQLResolveInfo,
} from 'graphql';

/**
 * The host's input guard: every String, ID and JSON argument of every field (core and units alike, so no
 * resolver can forget it) is checked against the one text rule (@kkmp/core text-rule.ts) before the
 * resolver runs, so a refusal reads and writes nothing. Every `idempotencyKey` gets the idempotency-key
 * rule. A bad value is a ValidationError naming its path (`input.name`, `input.lines.0.memo`, `nik`);
 * every bad value of the request is listed at once.
 *
 * A field's kind comes from its name (text-rule.ts); an input field or argument may name its own with
 * `extensions: { kkmpText: 'note' }`.
 */
export const INPUT_GUARD_PLUGIN = 'kkmpInputGuard';

/** Strings inside a JSON argument (unit settings) are free text; deeper nesting than this is refused. */
const JSON_RULE: TextRule = TEXT_KINDS.note;
const MAX_JSON_DEPTH = 16;
/** Enough to name every bad field of a real form; a flood of garbage is cut short. */
const MAX_ISSUES = 50;

type Extensions = { kkmpText?: TextKind } | null | undefined;

function issue(issues: FieldIssue[], field: string, en: string, id: string) {
  if (issues.length < MAX_ISSUES) issues.push({ field, messageEn: en, messageId: id });
}

function checkJson(value: unknown, path: string, depth: number, issues: FieldIssue[]): void {
  if (depth > MAX_JSON_DEPTH) return issue(issues, path, `nested deeper than ${MAX_JSON_DEPTH} levels`, `bersarang lebih dari ${MAX_JSON_DEPTH} tingkat`);
  if (typeof value === 'string') {
    const problem = textProblem(value, JSON_RULE);
    if (problem) issue(issues, path, problem.en, problem.id);
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => checkJson(v, `${path}.${i}`, depth + 1, issues));
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const keyProblem = textProblem(k, TEXT_KINDS.other);
      if (keyProblem) issue(issues, `${path}.${k.slice(0, 40)}`, keyProblem.en, keyProblem.id);
      checkJson(v, `${path}.${k.slice(0, 40)}`, depth + 1, issues);
    }
  }
}

function checkScalar(value: unknown, scalar: string, name: string, path: string, extensions: Extensions, issues: FieldIssue[]) {
  if (scalar === 'JSON') return checkJson(value, path, 0, issues);
  if (typeof value !== 'string' || (scalar !== 'String' && scalar !== 'ID')) return;
  const problem =
    name === 'idempotencyKey' && scalar === 'String'
      ? idempotencyKeyProblem(value)
      : textProblem(value, TEXT_KINDS[extensions?.kkmpText ?? (scalar === 'ID' ? 'token' : textKindOf(name))]);
  if (problem) issue(issues, path, problem.en, problem.id);
}

/** Checks one argument value against its GraphQL input type, collecting issues under `path`. */
export function checkInputValue(value: unknown, type: GraphQLInputType, name: string, path: string, extensions: Extensions, issues: FieldIssue[]): void {
  if (value === null || value === undefined) return;
  if (isNonNullType(type)) return checkInputValue(value, type.ofType, name, path, extensions, issues);
  if (isListType(type)) {
    if (Array.isArray(value)) value.forEach((v, i) => checkInputValue(v, type.ofType, name, `${path}.${i}`, extensions, issues));
    else checkInputValue(value, type.ofType, name, path, extensions, issues);
    return;
  }
  if (isInputObjectType(type)) {
    if (typeof value !== 'object') return;
    for (const field of Object.values(type.getFields())) {
      const v = (value as Record<string, unknown>)[field.name];
      if (v !== undefined) checkInputValue(v, field.type, field.name, `${path}.${field.name}`, field.extensions as Extensions, issues);
    }
    return;
  }
  checkScalar(value, getNamedType(type).name, name, path, extensions, issues);
}

/** Every issue of a field's arguments, as the resolver would receive them. */
export function argumentIssues(args: Record<string, unknown>, info: GraphQLResolveInfo): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const field = info.parentType.getFields()[info.fieldName];
  for (const arg of field?.args ?? []) {
    checkInputValue(args[arg.name], arg.type, arg.name, arg.name, arg.extensions as Extensions, issues);
  }
  return issues;
}

export class InputGuardPlugin<Types extends SchemaTypes> extends BasePlugin<Types> {
  override wrapResolve(resolver: GraphQLFieldResolver<unknown, Types['Context'], object>, fieldConfig: PothosOutputFieldConfig<Types>): GraphQLFieldResolver<unknown, Types['Context'], object> {
    if (Object.keys(fieldConfig.args).length === 0) return resolver;
    return (parent, args, context, info) => {
      const issues = argumentIssues(args as Record<string, unknown>, info);
      if (issues.length > 0) throw new ValidationError(issues);
      return resolver(parent, args, context, info);
    };
  }
}

declare global {
  export namespace PothosSchemaTypes {
    interface Plugins<Types extends SchemaTypes> {
      kkmpInputGuard: InputGuardPlugin<Types>;
    }
  }
}

// A module loaded again (a test's vi.resetModules, with @pothos/core kept) brings its own error classes:
// the latest load's plugin replaces the earlier one instead of Pothos refusing a second registration.
delete (SchemaBuilder as unknown as { plugins: Record<string, unknown> }).plugins[INPUT_GUARD_PLUGIN];
SchemaBuilder.registerPlugin(INPUT_GUARD_PLUGIN, InputGuardPlugin);
