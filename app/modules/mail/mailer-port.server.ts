export type MailMessage = {
  to: string;
  subject: string;
  html: string;
  text: string;
  /** Free-form labels (e.g. { kind: "sign-in" }); Resend shows them, the mailbox stores them. */
  tags?: Record<string, string>;
  /** Same key, same mail: lets a retry after a timeout avoid sending twice. */
  idempotencyKey?: string;
};

export type Mailer = {
  send(message: MailMessage): Promise<{ id: string }>;
  /**
   * Optional: several messages in one request (all accepted or none). The key covers the whole batch;
   * per-message keys are ignored. Ids come back in the order of `messages`.
   */
  sendBatch?(messages: MailMessage[], options?: { idempotencyKey?: string }): Promise<{ ids: string[] }>;
};

/** Thrown when the mail provider refuses or fails; the message is safe to log, never shown to users. */
export class MailDeliveryError extends Error {
  constructor(
    message: string,
    readonly status: number | null,
    readonly retryable: boolean,
    /** From the provider's Retry-After header, when it sent one (429). */
    readonly retryAfterSeconds: number | null = null,
    /** The provider's name for the error (Resend: `invalid_idempotent_request`, …), when it gave one. */
    readonly code: string | null = null,
  ) {
    super(message);
    this.name = "MailDeliveryError";
  }
}
