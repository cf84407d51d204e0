import type { Tx } from "../../platform/db/database.ts";
import type { Deps } from "../../platform/deps.ts";

/** A message to one person. */
export interface Message {
  channel: "sms" | "email" | "site";
  recipient: string;
  recipientMasked: string;
  template: string;
  body: string;
}

/**
 * Records a message in the outbox inside the caller's transaction, so it exists only if the change
 * commits. The demo channel stops here (administrators and tests read the outbox); an SMS gateway
 * delivers from the outbox in a job.
 */
export async function sendMessage(deps: Deps, tx: Tx, message: Message): Promise<void> {
  await tx
    .insertInto("notification")
    .values({
      channel: message.channel,
      recipient_enc: deps.vault.encrypt(message.recipient),
      recipient_masked: message.recipientMasked,
      recipient_index: deps.vault.index(`${message.channel}:${message.recipient}`),
      template: message.template,
      body: message.body,
      sent_at: new Date(),
    })
    .execute();
}
