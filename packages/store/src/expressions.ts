/**
 * Typed DynamoDB update and condition expressions. Callers describe what to change or require as data
 * (`update().set('status', 'VOID').add('quantity', -n)`, `cond.ge('quantity', n)`); rendering gives every
 * attribute name and value a generated placeholder, so no name or value is ever spliced into expression
 * text, and whoever runs the write can see by name which attributes it touches.
 *
 * An attribute is a top-level attribute name, never a path: `'a.b'` names the attribute called "a.b".
 * This module imports nothing (no AWS SDK), so the plugin SDK can re-export it (`@kkmp/store/expressions`).
 */

export type UpdateAction =
  | { readonly kind: 'set'; readonly name: string; readonly value: unknown }
  | { readonly kind: 'setIfNotExists'; readonly name: string; readonly value: unknown }
  | { readonly kind: 'add'; readonly name: string; readonly value: number }
  | { readonly kind: 'remove'; readonly name: string };

export type Comparison = 'eq' | 'ne' | 'lt' | 'le' | 'gt' | 'ge';

export type Condition =
  | { readonly kind: Comparison; readonly name: string; readonly value: unknown }
  | { readonly kind: 'exists' | 'notExists'; readonly name: string }
  | { readonly kind: 'and' | 'or'; readonly of: readonly Condition[] }
  | { readonly kind: 'not'; readonly of: Condition };

/** A rendered expression, as DynamoDB takes it. */
export interface Expression {
  expression: string;
  names: Record<string, string>;
  values: Record<string, unknown>;
}

function attributeName(name: unknown): string {
  if (typeof name !== 'string' || name.length === 0) throw new TypeError(`an attribute name must be a non-empty string, got ${String(name)}`);
  return name;
}

function operand(name: string, value: unknown): unknown {
  // DynamoDB refuses undefined only at commit, far from the mistake; say which attribute here.
  if (value === undefined) throw new TypeError(`the value for attribute "${name}" is undefined`);
  return value;
}

function action(a: UpdateAction): UpdateAction {
  const name = attributeName(a?.name);
  switch (a.kind) {
    case 'set':
    case 'setIfNotExists':
      return Object.freeze({ kind: a.kind, name, value: operand(name, a.value) });
    case 'add':
      if (typeof a.value !== 'number' || !Number.isFinite(a.value)) throw new TypeError(`ADD to "${name}" needs a finite number, got ${String(a.value)}`);
      return Object.freeze({ kind: 'add', name, value: a.value });
    case 'remove':
      return Object.freeze({ kind: 'remove', name });
    default:
      throw new TypeError(`unknown update action ${String((a as { kind?: unknown }).kind)}`);
  }
}

/** An immutable list of update actions; each method returns a new Update. */
export class Update {
  readonly actions: readonly UpdateAction[];

  private constructor(actions: readonly UpdateAction[]) {
    const seen = new Set<string>();
    this.actions = Object.freeze(
      actions.map((a) => {
        const checked = action(a);
        // DynamoDB refuses two actions on one attribute ("overlapping paths"); refuse it where it is written.
        if (seen.has(checked.name)) throw new TypeError(`attribute "${checked.name}" is updated twice`);
        seen.add(checked.name);
        return checked;
      }),
    );
  }

  /**
   * An Update from a list of actions, validated and copied. Hosts call it on what untrusted code hands
   * them, so what they check is what they write.
   */
  static from(actions: readonly UpdateAction[]): Update {
    if (!Array.isArray(actions)) throw new TypeError('an update is a list of actions');
    return new Update(actions);
  }

  /** SET name = value. */
  set(name: string, value: unknown): Update {
    return new Update([...this.actions, { kind: 'set', name, value }]);
  }
  /** SET name = if_not_exists(name, value): initialises an attribute, keeps it if present. */
  setIfNotExists(name: string, value: unknown): Update {
    return new Update([...this.actions, { kind: 'setIfNotExists', name, value }]);
  }
  /** ADD name by (numbers; a missing attribute counts as 0). Negative `by` subtracts. */
  add(name: string, by: number): Update {
    return new Update([...this.actions, { kind: 'add', name, value: by }]);
  }
  /** REMOVE name. */
  remove(name: string): Update {
    return new Update([...this.actions, { kind: 'remove', name }]);
  }

  /** Every attribute this update names. */
  get attributes(): string[] {
    return this.actions.map((a) => a.name);
  }

  /** Empty update, to chain on. */
  static readonly empty = new Update([]);
}

/** Starts an update: `update().set('status', 'VOID').add('quantity', -2).remove('holdUntil')`. */
export function update(): Update {
  return Update.empty;
}

const comparison = (kind: Comparison) => (name: string, value: unknown): Condition => checkCondition({ kind, name, value });

function combine(kind: 'and' | 'or', of: readonly Condition[]): Condition {
  if (of.length === 0) throw new TypeError(`${kind}() needs at least one condition`);
  return of.length === 1 ? checkCondition(of[0]!) : checkCondition({ kind, of });
}

/** Conditions, composable: `cond.or(cond.notExists('used'), cond.le('used', room))`. */
export const cond = {
  /** name = value */
  eq: comparison('eq'),
  /** name <> value */
  ne: comparison('ne'),
  /** name < value */
  lt: comparison('lt'),
  /** name <= value */
  le: comparison('le'),
  /** name > value */
  gt: comparison('gt'),
  /** name >= value */
  ge: comparison('ge'),
  /** attribute_exists(name) */
  exists: (name: string): Condition => checkCondition({ kind: 'exists', name }),
  /** attribute_not_exists(name) */
  notExists: (name: string): Condition => checkCondition({ kind: 'notExists', name }),
  and: (...of: Condition[]): Condition => combine('and', of),
  or: (...of: Condition[]): Condition => combine('or', of),
  not: (of: Condition): Condition => checkCondition({ kind: 'not', of }),
} as const;

const COMPARISONS: Record<Comparison, string> = { eq: '=', ne: '<>', lt: '<', le: '<=', gt: '>', ge: '>=' };

/**
 * A condition validated and deep-copied (frozen). Hosts call it on what untrusted code hands them, so
 * what they check is what they write.
 */
export function checkCondition(c: Condition): Condition {
  switch (c?.kind) {
    case 'and':
    case 'or':
      if (!Array.isArray(c.of) || c.of.length === 0) throw new TypeError(`${c.kind} needs at least one condition`);
      return Object.freeze({ kind: c.kind, of: Object.freeze(c.of.map(checkCondition)) });
    case 'not':
      return Object.freeze({ kind: 'not', of: checkCondition(c.of) });
    case 'exists':
    case 'notExists':
      return Object.freeze({ kind: c.kind, name: attributeName(c.name) });
    default: {
      const kind = c?.kind as string;
      if (!(kind in COMPARISONS)) throw new TypeError(`unknown condition ${String(kind)}`);
      const name = attributeName((c as { name: unknown }).name);
      return Object.freeze({ kind: kind as Comparison, name, value: operand(name, (c as { value: unknown }).value) });
    }
  }
}

/** Every attribute a condition names, once each. */
export function conditionAttributes(c: Condition): string[] {
  const out = new Set<string>();
  const walk = (x: Condition): void => {
    if ('name' in x) out.add(x.name);
    else if (x.kind === 'not') walk(x.of);
    else x.of.forEach(walk);
  };
  walk(c);
  return [...out];
}

/** Placeholders of one expression: one name placeholder per attribute, one value placeholder per operand. */
class Placeholders {
  readonly names: Record<string, string> = {};
  readonly values: Record<string, unknown> = {};
  private readonly byName = new Map<string, string>();
  private count = 0;
  constructor(private readonly prefix: string) {}

  name(attribute: string): string {
    let p = this.byName.get(attribute);
    if (!p) {
      p = `#${this.prefix}${this.byName.size}`;
      this.byName.set(attribute, p);
      this.names[p] = attribute;
    }
    return p;
  }
  value(v: unknown): string {
    const p = `:${this.prefix}${this.count++}`;
    this.values[p] = v;
    return p;
  }
}

/** The UpdateExpression of an update (placeholders `#u0`, `:u0`, ...). */
export function renderUpdate(u: Update): Expression {
  if (u.actions.length === 0) throw new TypeError('an update needs at least one action');
  const p = new Placeholders('u');
  const set: string[] = [];
  const add: string[] = [];
  const remove: string[] = [];
  for (const a of u.actions) {
    const n = p.name(a.name);
    if (a.kind === 'set') set.push(`${n} = ${p.value(a.value)}`);
    else if (a.kind === 'setIfNotExists') set.push(`${n} = if_not_exists(${n}, ${p.value(a.value)})`);
    else if (a.kind === 'add') add.push(`${n} ${p.value(a.value)}`);
    else remove.push(n);
  }
  const clauses = [set.length ? `SET ${set.join(', ')}` : '', add.length ? `ADD ${add.join(', ')}` : '', remove.length ? `REMOVE ${remove.join(', ')}` : ''];
  return { expression: clauses.filter(Boolean).join(' '), names: p.names, values: p.values };
}

/** The ConditionExpression of a condition (placeholders `#c0`, `:c0`, ...: never clashing with an update's). */
export function renderCondition(c: Condition): Expression {
  const p = new Placeholders('c');
  const render = (x: Condition): string => {
    switch (x.kind) {
      case 'and':
      case 'or':
        // Every composite operand in parentheses: NOT binds tighter than AND, AND tighter than OR.
        return x.of.map((y) => (y.kind === 'and' || y.kind === 'or' ? `(${render(y)})` : render(y))).join(x.kind === 'and' ? ' AND ' : ' OR ');
      case 'not':
        return `NOT (${render(x.of)})`;
      case 'exists':
        return `attribute_exists(${p.name(x.name)})`;
      case 'notExists':
        return `attribute_not_exists(${p.name(x.name)})`;
      default:
        return `${p.name(x.name)} ${COMPARISONS[x.kind]} ${p.value(x.value)}`;
    }
  };
  const expression = render(c);
  return { expression, names: p.names, values: p.values };
}
