import type { NotificationListResponse } from "@contracts/notifications.js";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "./client";

export type { NotificationListResponse };
export type NotificationItem = NotificationListResponse["items"][number];

export function useNotifications(opts: { unread?: boolean; limit?: number } = {}) {
  return useQuery({
    queryKey: ["notifications", opts.unread ?? false, opts.limit ?? 50],
    queryFn: () => api<NotificationListResponse>("/api/notifications", { query: { unread: opts.unread ? "true" : undefined, limit: opts.limit } }),
    refetchInterval: 60_000,
  });
}

function useNotificationMutation<V>(fn: (v: V) => Promise<unknown>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: ["notifications"] }) });
}

export function useMarkNotificationRead() {
  return useNotificationMutation((id: string) => api<void>(`/api/notifications/${id}/read`, { method: "POST" }));
}

export function useMarkAllNotificationsRead() {
  return useNotificationMutation(() => api<{ updated: number }>("/api/notifications/read-all", { method: "POST" }));
}
