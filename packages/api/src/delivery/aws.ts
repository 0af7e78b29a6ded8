import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import type { CodeMessage, CodeSender } from '@kkmp/core';

/**
 * Codes by SMS (Amazon SNS, transactional) to +62 numbers and by e-mail (Amazon SES) from a verified
 * sender. Nothing is logged: a failed delivery throws without the message, and the invitation stays
 * unused (the inviter sends another).
 */
export function awsCodeSender(opts: { emailFrom?: string; region?: string }): CodeSender {
  const sns = new SNSClient(opts.region ? { region: opts.region } : {});
  const ses = new SESv2Client(opts.region ? { region: opts.region } : {});
  return {
    async send(m: CodeMessage) {
      if (m.channel === 'SMS') {
        await sns.send(
          new PublishCommand({
            PhoneNumber: m.to,
            Message: m.text,
            MessageAttributes: { 'AWS.SNS.SMS.SMSType': { DataType: 'String', StringValue: 'Transactional' } },
          }),
        );
        return;
      }
      if (!opts.emailFrom) throw new Error('KKMP_EMAIL_FROM is not set: e-mail codes cannot be sent');
      await ses.send(
        new SendEmailCommand({
          FromEmailAddress: opts.emailFrom,
          Destination: { ToAddresses: [m.to] },
          Content: { Simple: { Subject: { Data: m.purpose === 'INVITATION' ? 'Undangan KKMP / KKMP invitation' : 'Kode masuk KKMP / KKMP sign-in code' }, Body: { Text: { Data: m.text } } } },
        }),
      );
    },
  };
}
