import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Update, checkCondition, cond, conditionAttributes, renderCondition, renderUpdate, update, type Condition, type UpdateAction } from '../src/expressions';

describe('update()', () => {
  it('renders SET, if_not_exists, ADD and REMOVE clauses with generated placeholders', () => {
    const u = update().set('status', 'VOID').add('quantity', -3).setIfNotExists('createdAt', '2026-03-01').remove('holdUntil').add('value', -4500);
    expect(renderUpdate(u)).toEqual({
      expression: 'SET #u0 = :u0, #u2 = if_not_exists(#u2, :u2) ADD #u1 :u1, #u4 :u3 REMOVE #u3',
      names: { '#u0': 'status', '#u1': 'quantity', '#u2': 'createdAt', '#u3': 'holdUntil', '#u4': 'value' },
      values: { ':u0': 'VOID', ':u1': -3, ':u2': '2026-03-01', ':u3': -4500 },
    });
    expect(u.attributes).toEqual(['status', 'quantity', 'createdAt', 'holdUntil', 'value']);
  });

  it('never splices a name or a value into the expression text', () => {
    const hostile = 'a = :x, pk = :y';
    const r = renderUpdate(update().set(hostile, 'SET pk = :p').set('a.b', 1));
    expect(r.expression).toBe('SET #u0 = :u0, #u1 = :u1');
    expect(r.names).toEqual({ '#u0': hostile, '#u1': 'a.b' });
  });

  it('is immutable: a shared base stays as it was', () => {
    const base = update().add('balance', 100);
    const withCount = base.add('txnCount', 1);
    expect(base.attributes).toEqual(['balance']);
    expect(withCount.attributes).toEqual(['balance', 'txnCount']);
    expect(Object.isFrozen(base.actions)).toBe(true);
  });

  it('refuses what DynamoDB would refuse only at commit: one attribute twice, undefined values, non-numbers to ADD, empty updates', () => {
    expect(() => update().set('a', 1).add('a', 1)).toThrow(/"a" is updated twice/);
    expect(() => update().set('phone', undefined)).toThrow(/"phone" is undefined/);
    expect(() => update().add('n', Number.NaN)).toThrow(/finite number/);
    expect(() => update().add('n', '1' as unknown as number)).toThrow(/finite number/);
    expect(() => update().set('', 1)).toThrow(/non-empty string/);
    expect(() => renderUpdate(update())).toThrow(/at least one action/);
  });

  it('Update.from validates and copies actions handed over by untrusted code', () => {
    const actions: UpdateAction[] = [{ kind: 'set', name: 'a', value: 1 }];
    const copy = Update.from(actions);
    (actions[0] as { name: string }).name = 'pk';
    expect(copy.attributes).toEqual(['a']);
    expect(() => Update.from([{ kind: 'append', name: 'a' } as unknown as UpdateAction])).toThrow(/unknown update action append/);
    expect(() => Update.from([{ kind: 'set', name: 42, value: 1 } as unknown as UpdateAction])).toThrow(/non-empty string/);
    expect(() => Update.from('SET pk = :p' as unknown as UpdateAction[])).toThrow(/list of actions/);
  });
});

describe('cond', () => {
  it('renders every comparison with its DynamoDB operator', () => {
    const ops = { eq: '=', ne: '<>', lt: '<', le: '<=', gt: '>', ge: '>=' } as const;
    for (const [op, sign] of Object.entries(ops)) {
      expect(renderCondition(cond[op as keyof typeof ops]('quantity', 5))).toEqual({ expression: `#c0 ${sign} :c0`, names: { '#c0': 'quantity' }, values: { ':c0': 5 } });
    }
    expect(renderCondition(cond.exists('balance')).expression).toBe('attribute_exists(#c0)');
    expect(renderCondition(cond.notExists('productId')).expression).toBe('attribute_not_exists(#c0)');
  });

  it('parenthesises nested AND, OR and NOT, and names a repeated attribute once', () => {
    const c = cond.and(cond.eq('txnCount', 4), cond.or(cond.notExists('lastInterestMonth'), cond.lt('lastInterestMonth', '2026-03')), cond.not(cond.eq('status', 'CLOSED')));
    expect(renderCondition(c)).toEqual({
      expression: '#c0 = :c0 AND (attribute_not_exists(#c1) OR #c1 < :c1) AND NOT (#c2 = :c2)',
      names: { '#c0': 'txnCount', '#c1': 'lastInterestMonth', '#c2': 'status' },
      values: { ':c0': 4, ':c1': '2026-03', ':c2': 'CLOSED' },
    });
    expect(renderCondition(cond.or(cond.and(cond.eq('a', 1), cond.eq('b', 2)), cond.eq('c', 3))).expression).toBe('(#c0 = :c0 AND #c1 = :c1) OR #c2 = :c2');
  });

  it('and/or of one condition is that condition; of none is refused', () => {
    expect(cond.and(cond.eq('a', 1))).toEqual(cond.eq('a', 1));
    expect(() => cond.or()).toThrow(/at least one condition/);
    expect(() => cond.eq('a', undefined)).toThrow(/"a" is undefined/);
  });

  it('lists the attributes a condition names, however deep', () => {
    const c = cond.or(cond.notExists('used'), cond.and(cond.le('used', 10), cond.not(cond.exists('gsi1pk'))));
    expect(conditionAttributes(c)).toEqual(['used', 'gsi1pk']);
  });

  it('checkCondition validates and copies conditions handed over by untrusted code', () => {
    const forged = { kind: 'and', of: [{ kind: 'eq', name: 'a', value: 1 }] } as unknown as { kind: 'and'; of: { name: string }[] };
    const copy = checkCondition(forged as unknown as Condition);
    forged.of[0]!.name = 'pk';
    expect(conditionAttributes(copy)).toEqual(['a']);
    expect(() => checkCondition({ kind: 'raw', expression: 'attribute_exists(pk)' } as unknown as Condition)).toThrow(/unknown condition raw/);
    expect(() => checkCondition({ kind: 'and', of: [] } as unknown as Condition)).toThrow(/at least one condition/);
  });
});

it('the builder imports nothing, so the plugin SDK can re-export it without loading the AWS SDK', () => {
  const source = readFileSync(new URL('../src/expressions.ts', import.meta.url), 'utf8');
  expect(source).not.toMatch(/^\s*(import|export .* from)\b/m);
  expect(source).not.toMatch(/\brequire\(|\bimport\(/);
});
