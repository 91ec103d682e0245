'use client';
/**
 * The lesson's relay conversation, shared by <Conversation /> and <ServerView /> across steps: one
 * store per lesson (LessonScope), tied to the lesson's lab so it starts over when a key pair changes.
 */
import { useStore } from 'zustand';
import type { StoreApi } from 'zustand/vanilla';
import { createRelayConversationStore, type RelayConversationState } from '@/lib/store/relay-conversation-store';
import { useLabStore } from '../crypto/lab-hooks';
import { useScoped } from '../LessonScope';

/** The lesson's relay conversation store itself, for handlers that act and then read the outcome. */
export function useRelayStore(): StoreApi<RelayConversationState> {
  const lab = useLabStore();
  return useScoped('relay-conversation', () => createRelayConversationStore(lab));
}

/** Yields to the browser, so that the next piece of work runs in a task of its own. */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve));
}

/** Selects from the lesson's relay conversation. */
export function useRelayConversation<T>(selector: (s: RelayConversationState) => T): T {
  return useStore(useRelayStore(), selector);
}

/** Two-digit local clock time with seconds, as the server's log shows it: "22:05:09". */
export function formatClock(ms: number): string {
  const d = new Date(ms);
  return [d.getHours(), d.getMinutes(), d.getSeconds()].map((n) => String(n).padStart(2, '0')).join(':');
}

/** A gap between two messages, in words: "4 s", "2 min 5 s", "1 h 3 min". */
export function formatGap(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return s % 60 ? `${m} min ${s % 60} s` : `${m} min`;
  const h = Math.floor(m / 60);
  return m % 60 ? `${h} h ${m % 60} min` : `${h} h`;
}

/** First `n` bytes as hex, with an ellipsis when there are more: a preview for tables. */
export function hexPreview(bytes: Uint8Array, n = 8): string {
  const hex = Array.from(bytes.subarray(0, n), (b) => b.toString(16).padStart(2, '0')).join(' ');
  return bytes.length > n ? `${hex} …` : hex;
}
