import { maskMobile } from "@tongban/core";
import type { Tx } from "../../platform/db/database.ts";
import type { Deps } from "../../platform/deps.ts";
import { sendMessage } from "./send-message.ts";

/** What a text or email message says, and which template made it (for the record). */
export interface OutgoingMessage {
  template: string;
  body: string;
  caseId?: string | null;
}

/** Sends a text message (短信) to a mobile number, inside the transaction that causes it. */
export interface SmsProvider {
  sendSms(tx: Tx, mobile: string, message: OutgoingMessage): Promise<void>;
}

/** Sends an email, inside the transaction that causes it. */
export interface EmailProvider {
  sendEmail(tx: Tx, address: string, message: OutgoingMessage): Promise<void>;
}

/** The delivery channels beyond the in-app inbox. */
export interface NotificationProviders {
  sms: SmsProvider;
  email: EmailProvider;
}

/** Masks an email address for lists: chen@example.com → c***@example.com. */
export function maskEmail(address: string): string {
  const at = address.lastIndexOf("@");
  if (at <= 0) return "***";
  return `${address[0]}***${address.slice(at)}`;
}

/**
 * The demo providers: both only record the message in the outbox (encrypted recipient, blind index),
 * where administrators and tests read it. A real SMS gateway or mail relay implements the same
 * interfaces and delivers from the outbox in a job.
 */
export function demoProviders(deps: Pick<Deps, "vault">): NotificationProviders {
  return {
    sms: {
      sendSms: (tx, mobile, message) =>
        sendMessage(deps, tx, {
          channel: "sms",
          recipient: mobile,
          recipientMasked: maskMobile(mobile),
          ...message,
        }),
    },
    email: {
      sendEmail: (tx, address, message) =>
        sendMessage(deps, tx, {
          channel: "email",
          recipient: address,
          recipientMasked: maskEmail(address),
          ...message,
        }),
    },
  };
}
