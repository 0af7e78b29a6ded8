import { describe, expect, it } from 'vitest';
import { TEXT_KINDS, idempotencyKeyProblem, textKindOf, textProblem } from './text-rule';
import { parseInput, text } from './validation';
import { z } from 'zod';

describe('the one text rule', () => {
  const line = TEXT_KINDS.name;
  const lines = TEXT_KINDS.address;

  it('accepts ordinary Indonesian text, accents, emoji (a surrogate pair) and, where allowed, line breaks', () => {
    for (const ok of ['Siti Nur’aini', 'Koperasi Kelurahan Merah Putih Sukamaju', 'Café 🌺', 'Jl. Mawar 3 (RT 02/RW 05)']) expect(textProblem(ok, line)).toBeUndefined();
    expect(textProblem('Jl. Mawar 3\r\nRT 02\tRW 05', lines)).toBeUndefined();
  });

  it.each([
    ['NUL', 'a\u0000b'],
    ['ANSI escape', '\u001b[31mmerah'],
    ['DEL', 'a\u007f'],
    ['C1 control (NEL)', 'a\u0085b'],
    ['right-to-left override', 'abc\u202edef'],
    ['left-to-right embedding', '\u202aabc'],
    ['first-strong isolate', '\u2068abc\u2069'],
    ['unpaired high surrogate', 'a\ud800'],
    ['unpaired low surrogate', '\udc00a'],
  ])('refuses %s, on one line and over several', (_what, value) => {
    expect(textProblem(value, line)).toBeDefined();
    expect(textProblem(value, lines)).toBeDefined();
  });

  it('refuses line breaks and tabs on one line; says so in both languages', () => {
    expect(textProblem('Budi\nSantoso', line)).toEqual({ en: expect.stringContaining('one line'), id: expect.stringContaining('satu baris') });
    expect(textProblem('a\tb', line)).toBeDefined();
  });

  it('limits the length per kind, before looking at the characters', () => {
    expect(textProblem('x'.repeat(200), line)).toBeUndefined();
    expect(textProblem('x'.repeat(201), line)).toEqual({ en: 'at most 200 characters', id: 'paling banyak 200 karakter' });
    expect(textProblem('\u0000'.repeat(2_000_000), TEXT_KINDS.csv)).toBeDefined();
  });

  it('knows a field kind by its name; others are short single-line text', () => {
    expect(textKindOf('address')).toBe('address');
    expect(textKindOf('memo')).toBe('note');
    expect(textKindOf('invoiceNumber')).toBe('reference');
    expect(textKindOf('somethingNew')).toBe('other');
  });

  it('idempotency keys: 8-200 characters, no controls', () => {
    expect(idempotencyKeyProblem('0e4c3a1e-3b7f-4d0e-9a55-5b8d2d0c9a11')).toBeUndefined();
    for (const bad of ['', 'short', '😀'.repeat(600), 'k'.repeat(201), 'kunci\u0000-panjang']) expect(idempotencyKeyProblem(bad)).toBeDefined();
  });

  it('text() refuses the same characters, names the field once, and leaves length to its own limit', () => {
    const schema = z.object({ name: text(10) });
    expect(() => parseInput(schema, { name: 'ab\u202ecd' })).toThrow(/text-direction/);
    const refusal = (() => {
      try {
        parseInput(schema, { name: 'x'.repeat(11) });
      } catch (err) {
        return err as { issues: unknown[] };
      }
      return undefined;
    })();
    expect(refusal?.issues).toEqual([{ field: 'input.name', messageEn: 'at most 10 characters', messageId: 'paling banyak 10 karakter' }]);
  });
});
