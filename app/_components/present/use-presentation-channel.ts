'use client';
/**
 * The presentation's BroadcastChannel for one lesson, as a hook: `post` sends a checked message
 * to the lesson's other windows; `onMessage` receives theirs (already parsed; anything malformed
 * is dropped) with `post` to answer. A browser without BroadcastChannel gets a window that simply works alone.
 */
import { useCallback, useEffect, useRef } from 'react';
import {
  parsePresentationMessage,
  presentationChannelName,
  type PresentationMessage,
} from '@/lib/presentation/presentation-message';

export function usePresentationChannel(
  slug: string,
  onMessage: (message: PresentationMessage, post: (message: PresentationMessage) => void) => void,
): (message: PresentationMessage) => void {
  const channel = useRef<BroadcastChannel | null>(null);
  const handler = useRef(onMessage);
  useEffect(() => {
    handler.current = onMessage;
  });

  useEffect(() => {
    if (typeof BroadcastChannel === 'undefined') return;
    const own = new BroadcastChannel(presentationChannelName(slug));
    channel.current = own;
    own.onmessage = (event: MessageEvent) => {
      const message = parsePresentationMessage(event.data);
      if (message) handler.current(message, (reply) => own.postMessage(reply));
    };
    // Whoever is already open answers with where the lesson is.
    own.postMessage({ type: 'hello' } satisfies PresentationMessage);
    return () => {
      channel.current = null;
      own.close();
    };
  }, [slug]);

  return useCallback((message: PresentationMessage) => channel.current?.postMessage(message), []);
}
