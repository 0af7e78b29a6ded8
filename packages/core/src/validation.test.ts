import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ValidationError } from './errors';
import { msg, parseInput, splitMessage } from './validation';

describe('bilingual messages travel as two whole languages', () => {
  it('keeps " / " inside either language intact', () => {
    const schema = z.object({ method: z.string().refine(() => false, msg('must be cash / bank', 'harus tunai / bank')) });
    try {
      parseInput(schema, { method: 'x' });
      throw new Error('accepted');
    } catch (err) {
      expect(err).toBeInstanceOf(ValidationError);
      expect((err as ValidationError).issues).toEqual([{ field: 'input.method', messageEn: 'must be cash / bank', messageId: 'harus tunai / bank' }]);
    }
  });

  it("leaves zod's own messages to its Indonesian locale", () => {
    expect(splitMessage('Invalid input')).toBeUndefined();
    try {
      parseInput(z.object({ n: z.number() }), { n: 'x' });
    } catch (err) {
      const issue = (err as ValidationError).issues[0]!;
      expect(issue.messageEn).toMatch(/expected number/);
      expect(issue.messageId).not.toBe(issue.messageEn);
    }
  });
});
