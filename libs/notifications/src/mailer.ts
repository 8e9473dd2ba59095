import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '@meridian/core';
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { createTransport, Transporter } from 'nodemailer';

export interface OutgoingMail {
  /** The notification row: it names the message (Message-ID) and the .eml file. */
  id: string;
  to: string;
  subject: string;
  text: string;
}

/**
 * Sends e-mail over SMTP (`SMTP_URL`). Without it — development, demos; production refuses to
 * start without it — each message is written as `<MAIL_DIR>/<id>.eml`, which any mail client
 * opens. Logs say which message went where, never what it said.
 */
@Injectable()
export class Mailer implements OnApplicationShutdown {
  private readonly logger = new Logger(Mailer.name);
  private readonly transport: Transporter;
  private readonly folder: string | null;

  constructor(private readonly config: AppConfig) {
    if (config.SMTP_URL) {
      this.transport = createTransport(pooled(config.SMTP_URL));
      this.folder = null;
    } else {
      this.transport = createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
      this.folder = resolve(config.MAIL_DIR);
    }
  }

  onApplicationShutdown(): void {
    this.transport.close();
  }

  async send(mail: OutgoingMail): Promise<void> {
    const info = (await this.transport.sendMail({
      from: this.config.MAIL_FROM,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      messageId: `<${mail.id}@meridian>`,
    })) as { message?: Buffer };
    if (this.folder) {
      await mkdir(this.folder, { recursive: true });
      const file = join(this.folder, `${mail.id}.eml`);
      await writeFile(file, info.message ?? Buffer.alloc(0));
      this.logger.log({ notificationId: mail.id, file }, 'e-mail written to the mail folder');
    } else {
      this.logger.log({ notificationId: mail.id }, 'e-mail sent');
    }
  }
}

/**
 * The SMTP URL with connection pooling on unless it says otherwise: a connection per message
 * (TCP, greeting, EHLO) costs more than the message, and a burst of due notices is thousands.
 */
function pooled(smtpUrl: string): string {
  const url = new URL(smtpUrl);
  if (!url.searchParams.has('pool')) url.searchParams.set('pool', 'true');
  return url.toString();
}
