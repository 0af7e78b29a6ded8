import type { CodeMessage, CodeSender } from '@kkmp/core';

/**
 * Code delivery is an interface: in AWS an SMS (SNS) or e-mail (SES) sender from packages/api; locally
 * the codes go to an outbox that `npm run dev` prints and tests read. Nothing else ever sees a code.
 */
export class Outbox implements CodeSender {
  readonly messages: CodeMessage[] = [];
  constructor(private readonly print?: (line: string) => void) {}

  async send(message: CodeMessage): Promise<void> {
    this.messages.push(message);
    this.print?.(`[${message.channel} to ${message.to}] ${message.text}`);
  }

  /** The last code sent to a login (tests, the dev console). */
  lastCodeFor(to: string): string | undefined {
    return this.messages.filter((m) => m.to === to).at(-1)?.code;
  }
}

/** A deployment without a configured sender: refuses to pretend it sent anything. */
export const noSender: CodeSender = {
  async send() {
    throw new Error('no code sender is configured (KKMP_CODE_SENDER): invitations cannot be delivered');
  },
};
