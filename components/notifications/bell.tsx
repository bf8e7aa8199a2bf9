import { getTranslations } from "next-intl/server";

/** The header's way to the notifications, with the unread count; announced as "Benachrichtigungen, 3 ungelesen". */
export async function NotificationBell({ unread }: { unread: number }) {
  const t = await getTranslations("notifications");
  return (
    <a
      href="/notifications"
      className="relative inline-flex min-h-9 min-w-9 items-center justify-center gap-1 rounded px-2 text-slate-700 hover:bg-slate-100 focus-visible:outline focus-visible:outline-2 focus-visible:outline-blue-700"
      data-testid="notification-bell"
    >
      <svg aria-hidden="true" viewBox="0 0 24 24" className="h-5 w-5" fill="none" stroke="currentColor" strokeWidth="2">
        <path d="M18 8a6 6 0 0 0-12 0c0 7-3 9-3 9h18s-3-2-3-9" />
        <path d="M13.7 21a2 2 0 0 1-3.4 0" />
      </svg>
      <span className="sr-only">{t("bell")}, </span>
      {unread > 0 ? (
        <span className="rounded-full bg-red-700 px-1.5 text-xs font-semibold text-white" aria-hidden="true">
          {unread > 99 ? "99+" : unread}
        </span>
      ) : null}
      <span className="sr-only">{t("bellUnread", { count: unread })}</span>
    </a>
  );
}
