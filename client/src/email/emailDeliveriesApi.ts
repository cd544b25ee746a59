import type { NotificationCategory } from '../../../server/db/schema';
import { query, request, segment } from '../api';

export const DELIVERY_STATUSES = ['failed', 'pending', 'sending', 'sent'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

export interface EmailDelivery {
  id: number;
  recipientEmail: string;
  kind: string;
  category: NotificationCategory;
  title: string;
  status: DeliveryStatus;
  attempts: number;
  error: string | null;
  createdAt: string;
  dueAt: string | null;
  sentAt: string | null;
}

export interface DigestDelivery {
  userId: string;
  recipientEmail: string;
  /** The London day it gathers, YYYY-MM-DD. */
  digestDate: string;
  status: DeliveryStatus;
  attempts: number;
  error: string | null;
  dueAt: string;
  sentAt: string | null;
}

export interface DeliveryPage<T> {
  data: T[];
  nextCursor: string | null;
}

export const listEmailDeliveries = (
  status: DeliveryStatus,
  cursor?: string,
  signal?: AbortSignal,
) =>
  request<DeliveryPage<EmailDelivery>>(`/api/admin/email-deliveries${query({ status, cursor })}`, {
    signal,
  });

export const retryEmailDelivery = (id: number) =>
  request<unknown>(`/api/admin/email-deliveries/${id}/retry`, { method: 'POST' });

export const listDigestDeliveries = (
  status: DeliveryStatus,
  cursor?: string,
  signal?: AbortSignal,
) =>
  request<DeliveryPage<DigestDelivery>>(`/api/admin/email-digests${query({ status, cursor })}`, {
    signal,
  });

export const retryDigestDelivery = (digest: { userId: string; digestDate: string }) =>
  request<unknown>(
    `/api/admin/email-digests/${segment(digest.userId)}/${segment(digest.digestDate)}/retry`,
    { method: 'POST' },
  );
