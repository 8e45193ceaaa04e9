import { createTransport } from 'nodemailer';

export type TInvitationMail = { to: string; link: string; projectName: string; inviterName: string; role: string; expiresAt: Date };

/** Mails invitation links through WEFT_SMTP_URL (e.g. smtps://user:pass@mail.example.com:465); without it, no mail is sent. */
export const smtpConfigured = (env: Partial<Record<string, string>> = process.env): boolean => Boolean(env.WEFT_SMTP_URL);

export async function sendInvitationMail(mail: TInvitationMail, env: Partial<Record<string, string>> = process.env): Promise<void> {
  const transport = createTransport(env.WEFT_SMTP_URL);
  try {
    await transport.sendMail({
      from: env.WEFT_SMTP_FROM ?? 'Weft <weft@localhost>',
      to: mail.to,
      subject: `${mail.inviterName} invited you to ${mail.projectName} on Weft`,
      text: [
        `${mail.inviterName} invited you to the project "${mail.projectName}" on Weft as ${mail.role}.`,
        '',
        `Accept the invitation: ${mail.link}`,
        '',
        `The link works once, until ${mail.expiresAt.toUTCString()}.`,
      ].join('\n'),
    });
  } finally {
    transport.close();
  }
}
