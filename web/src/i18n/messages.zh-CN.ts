/** Chinese messages of the in-app inbox (站内信), the `messages` section of zh-CN.ts. */
export const messagesZhCN = {
  bell: "站内信",
  unreadSuffix: "条未读",
  title: "站内信",
  intro: "与您有关的办件通知都在这里。需要您处理或办结的事项，同时以短信通知。",
  unreadCount: "{{count}} 条未读",
  unreadOnly: "只看未读",
  markAllRead: "全部标为已读",
  markRead: "标为已读",
  openCase: "查看办件",
  unread: "未读",
  read: "已读",
  empty: "暂无消息",
};
