import { simpleParser } from 'mailparser';
import { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  to: string;
  subject: string;
  text: string;
  messageId: string;
}

/**
 * A real SMTP server in the test process that keeps what it accepts. A message counts as
 * delivered when the server acknowledges it (the reply to the end of DATA), as with any mail
 * server: `holdNext` makes it wait before that reply, and a message whose sender went away
 * meanwhile (a killed worker) is not delivered. `refuse` answers 550 for an address.
 */
export class SmtpSink {
  readonly received: ReceivedMail[] = [];
  /** Messages held and then dropped because their connection closed first. */
  readonly dropped: ReceivedMail[] = [];
  refuse: (address: string) => boolean = () => false;
  private hold?: { matches: (mail: ReceivedMail) => boolean; arrived: () => void };
  private release?: () => void;
  private readonly closed = new Set<string>();
  private heldSession?: string;

  private server!: SMTPServer;

  private constructor() {}

  static async start(): Promise<SmtpSink> {
    const sink = new SmtpSink();
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onRcptTo: (address, _session, callback) => {
        if (!sink.refuse(address.address)) return callback();
        const error = new Error('Mailbox unavailable') as Error & { responseCode: number };
        error.responseCode = 550;
        callback(error);
      },
      onData: (stream, session, callback) => {
        simpleParser(stream)
          .then(async (parsed) => {
            const mail: ReceivedMail = {
              to: (Array.isArray(parsed.to) ? parsed.to[0] : parsed.to)?.text ?? '',
              subject: parsed.subject ?? '',
              text: parsed.text ?? '',
              messageId: parsed.messageId ?? '',
            };
            await sink.accept(mail, session.id);
            callback();
          })
          .catch(callback);
      },
      onClose: (session) => sink.closed.add(session.id),
    });
    sink.server = server;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return sink;
  }

  get url(): string {
    return `smtp://127.0.0.1:${(this.server.server.address() as AddressInfo).port}`;
  }

  /**
   * Holds the next message `matches` accepts before acknowledging it; resolves once it has
   * arrived. `releaseHeld` lets it go.
   */
  holdNext(matches: (mail: ReceivedMail) => boolean): Promise<void> {
    return new Promise((arrived) => (this.hold = { matches, arrived }));
  }

  releaseHeld(): void {
    this.release?.();
  }

  /** Whether the sender of the held message has gone away. */
  get heldSenderGone(): boolean {
    return this.heldSession !== undefined && this.closed.has(this.heldSession);
  }

  to(address: string): ReceivedMail[] {
    return this.received.filter((mail) => mail.to === address);
  }

  close(): Promise<void> {
    this.releaseHeld();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private async accept(mail: ReceivedMail, sessionId: string): Promise<void> {
    const hold = this.hold;
    if (hold?.matches(mail)) {
      this.hold = undefined;
      this.heldSession = sessionId;
      await new Promise<void>((release) => {
        this.release = release;
        hold.arrived();
      });
      this.release = undefined;
    }
    if (this.closed.has(sessionId)) this.dropped.push(mail);
    else this.received.push(mail);
  }
}
