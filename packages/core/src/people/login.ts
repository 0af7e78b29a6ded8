import { z } from 'zod';
import { msg } from '../validation';
import type { Channel } from './model';

/**
 * A login is an Indonesian mobile number (stored as +628...) or an e-mail address (lower case). The
 * same person typing "0812-3456-7890" or "+6281234567890" reaches the same account.
 */
export const loginField = z
  .string()
  .trim()
  .max(254, msg('at most 254 characters', 'paling banyak 254 karakter'))
  .transform((v, ctx) => {
    const phone = v.replace(/[\s.()-]/g, '');
    if (/^(\+62|62|0)8\d{7,12}$/.test(phone)) return `+62${phone.replace(/^(\+62|62|0)/, '')}`;
    const email = z.email().safeParse(v.toLowerCase());
    if (email.success) return email.data;
    ctx.addIssue({
      code: 'custom',
      message: msg(
        'must be an Indonesian mobile number (+62 or 08...) or an e-mail address',
        'harus nomor HP Indonesia (+62 atau 08...) atau alamat e-mail',
      ),
    });
    return z.NEVER;
  });

export const channelOf = (login: string): Channel => (login.startsWith('+62') ? 'SMS' : 'EMAIL');

/** For answers and logs: enough to recognise one's own number, not enough to harvest it. */
export function maskLogin(login: string): string {
  if (login.startsWith('+62')) return `${login.slice(0, 5)}****${login.slice(-3)}`;
  const [user = '', domain = ''] = login.split('@');
  return `${user.slice(0, 2)}***@${domain}`;
}
