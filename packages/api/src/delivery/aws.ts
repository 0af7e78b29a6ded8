import type { PublishCommandInput } from '@aws-sdk/client-sns';
import type { SendEmailCommandInput } from '@aws-sdk/client-sesv2';
import type { CodeMessage, CodeSender } from '@kkmp/core';

/**
 * Codes by SMS (Amazon SNS, transactional) to +62 numbers and by e-mail (Amazon SES) from a verified
 * sender. Nothing is logged: a failed delivery throws without the message, and the invitation stays
 * unused (the inviter sends another).
 *
 * The SNS and SES clients (about 90 KiB of the Lambda bundle) are loaded on the first code sent, not at
 * cold start: most requests send none. The bundle splits them into chunks of their own
 * (packages/api/src/lambda/bundle.ts); each client is then created once and reused.
 */
export function awsCodeSender(opts: { emailFrom?: string; region?: string }): CodeSender {
  const config = opts.region ? { region: opts.region } : {};
  let sms: Promise<(input: PublishCommandInput) => Promise<unknown>> | undefined;
  let email: Promise<(input: SendEmailCommandInput) => Promise<unknown>> | undefined;
  const smsSender = () =>
    (sms ??= import('@aws-sdk/client-sns').then(({ SNSClient, PublishCommand }) => {
      const client = new SNSClient(config);
      return (input: PublishCommandInput) => client.send(new PublishCommand(input));
    }));
  const emailSender = () =>
    (email ??= import('@aws-sdk/client-sesv2').then(({ SESv2Client, SendEmailCommand }) => {
      const client = new SESv2Client(config);
      return (input: SendEmailCommandInput) => client.send(new SendEmailCommand(input));
    }));
  return {
    async send(m: CodeMessage) {
      if (m.channel === 'SMS') {
        await (await smsSender())({
          PhoneNumber: m.to,
          Message: m.text,
          MessageAttributes: { 'AWS.SNS.SMS.SMSType': { DataType: 'String', StringValue: 'Transactional' } },
        });
        return;
      }
      if (!opts.emailFrom) throw new Error('KKMP_EMAIL_FROM is not set: e-mail codes cannot be sent');
      await (await emailSender())({
        FromEmailAddress: opts.emailFrom,
        Destination: { ToAddresses: [m.to] },
        Content: { Simple: { Subject: { Data: m.purpose === 'INVITATION' ? 'Undangan KKMP / KKMP invitation' : 'Kode masuk KKMP / KKMP sign-in code' }, Body: { Text: { Data: m.text } } } },
      });
    },
  };
}
