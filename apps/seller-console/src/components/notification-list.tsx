"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { Alert, Button, cn } from "@bazaar/ui";
import { errorMessage } from "~/lib/trpc-errors";
import { useTRPC } from "~/trpc/react";

export interface NotificationItem {
  id: string;
  type?: string;
  title: string;
  body: string;
  link: string | null;
  readAt: Date | null;
  createdAt: Date;
}

const timeFormat = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short" });

/** Notifications, unread ones marked; opening one marks it read, and all can be marked read at once. */
export function NotificationList({ items, unread, nextHref }: { items: NotificationItem[]; unread: number; nextHref: string | null }) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [, startRefresh] = useTransition();
  const markRead = useMutation(
    trpc.notifications.markRead.mutationOptions({
      onSuccess: () => {
        // The header's badge counts them too.
        void queryClient.invalidateQueries({ queryKey: trpc.notifications.unreadCount.queryKey() });
        startRefresh(() => router.refresh());
      },
    }),
  );
  const ids = items.filter((n) => !n.readAt).map((n) => n.id);

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="text-sm text-slate-600" data-testid="unread-count">
          {unread === 0 ? "All read." : `${unread} unread.`}
        </p>
        <Button size="sm" variant="secondary" disabled={ids.length === 0} pending={markRead.isPending} onClick={() => markRead.mutate({ ids })}>
          Mark all as read
        </Button>
      </div>
      {markRead.error ? <Alert tone="danger">{errorMessage(markRead.error)}</Alert> : null}
      <ul className="divide-y divide-slate-100 overflow-hidden rounded-lg bg-white ring-1 ring-slate-200">
        {items.map((n) => {
          const content = (
            <>
              <span className="flex items-start justify-between gap-3">
                <span className={cn("text-sm", n.readAt ? "text-slate-700" : "font-semibold text-slate-900")}>
                  {n.readAt ? null : <span className="mr-2 inline-block size-2 rounded-full bg-brand-600 align-middle" aria-hidden />}
                  {n.title}
                  {n.readAt ? null : <span className="sr-only"> (unread)</span>}
                </span>
                <time className="shrink-0 text-xs text-slate-500" dateTime={n.createdAt.toISOString()}>
                  {timeFormat.format(n.createdAt)}
                </time>
              </span>
              {n.body ? <span className="mt-1 block text-sm text-slate-600">{n.body}</span> : null}
            </>
          );
          return (
            <li key={n.id} className={n.readAt ? undefined : "bg-brand-50/40"} data-testid="notification">
              {n.link ? (
                <Link
                  href={n.link}
                  className="block px-4 py-3 hover:bg-slate-50"
                  onClick={() => {
                    if (!n.readAt) markRead.mutate({ ids: [n.id] });
                  }}
                >
                  {content}
                </Link>
              ) : (
                <div className="px-4 py-3">{content}</div>
              )}
            </li>
          );
        })}
      </ul>
      {nextHref ? (
        <Link href={nextHref} className="inline-block text-sm font-medium text-brand-700 hover:underline">
          Older →
        </Link>
      ) : null}
    </div>
  );
}
