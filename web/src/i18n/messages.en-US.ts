import type { Messages } from "./zh-CN.ts";

type Section = Messages["messages"];

/** English messages of the in-app inbox, the `messages` section of en-US.ts. */
export const messagesEnUS: Section = {
  bell: "Messages",
  unreadSuffix: "unread",
  title: "Messages",
  intro:
    "Notices about your cases arrive here. Steps you must act on, and the end of a case, are also sent by text message.",
  unreadCount: "{{count}} unread",
  unreadOnly: "Unread only",
  markAllRead: "Mark all read",
  markRead: "Mark read",
  openCase: "Open the case",
  unread: "Unread",
  read: "Read",
  empty: "No messages",
};
