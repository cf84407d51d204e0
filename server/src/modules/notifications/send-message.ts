import type { Tx } from "../../platform/db/database.ts";
import type { Deps } from "../../platform/deps.ts";

/** A message to one person. */
export interface Message {
  channel: "sms" | "email" | "site";
  recipient: string;
  recipientMasked: string;
  template: string;
  body: string;
  /** The case the message is about, so the inbox links to it. */
  caseId?: string | null;
}

/**
 * Records a message in the outbox inside the caller's transaction, so it exists only if the change
 * commits. Site messages (站内信) stay here for the recipient's inbox; the demo SMS and email
 * providers stop here too (administrators and tests read the outbox); a real gateway delivers from
 * the outbox in a job.
 */
export async function sendMessage(deps: Pick<Deps, "vault">, tx: Tx, message: Message): Promise<void> {
  await tx
    .insertInto("notification")
    .values({
      channel: message.channel,
      recipient_enc: deps.vault.encrypt(message.recipient),
      recipient_masked: message.recipientMasked,
      recipient_index: deps.vault.index(`${message.channel}:${message.recipient}`),
      template: message.template,
      body: message.body,
      case_id: message.caseId ?? null,
      sent_at: new Date(),
    })
    .execute();
}

/** The blind index a person's site messages are filed under (their inbox). */
export function inboxIndex(deps: Pick<Deps, "vault">, accountId: string): string {
  return deps.vault.index(`site:${accountId}`);
}
