'use client';
/** The presentation keyboard on a window (lib/presentation/presenter-keys.ts decides what a key means). */
import { useEffect, useRef } from 'react';
import { presenterCommandFor, type KeyTarget, type PresenterCommand } from '@/lib/presentation/presenter-keys';

const FIELD_INPUT_TYPES = new Set(['checkbox', 'button', 'submit', 'reset', 'image', 'file', 'color']);

/** Where a key press landed: a field keeps its keys, a control keeps space. */
function keyTargetOf(target: EventTarget | null): KeyTarget {
  if (!(target instanceof HTMLElement)) return 'page';
  if (target.isContentEditable || target.closest('[role="textbox"], .monaco-editor, dialog')) return 'field';
  const tag = target.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return 'field';
  if (tag === 'INPUT') return FIELD_INPUT_TYPES.has((target as HTMLInputElement).type) ? 'control' : 'field';
  if (target.closest('[role="radiogroup"], [role="listbox"], [role="slider"], [role="tablist"]')) return 'field';
  if (tag === 'BUTTON' || tag === 'A' || tag === 'SUMMARY' || target.getAttribute('role') === 'button')
    return 'control';
  return 'page';
}

/** Calls `onCommand` for each presentation key pressed in this window. */
export function usePresenterKeys(onCommand: (command: PresenterCommand) => void): void {
  const handler = useRef(onCommand);
  useEffect(() => {
    handler.current = onCommand;
  });
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.repeat) return;
      const command = presenterCommandFor({
        key: event.key,
        altKey: event.altKey,
        ctrlKey: event.ctrlKey,
        metaKey: event.metaKey,
        target: keyTargetOf(event.target),
      });
      if (!command) return;
      event.preventDefault();
      handler.current(command);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

/** F: the window to full screen and back (the projector's window, or the presenter's laptop). */
export function toggleFullScreen(): void {
  if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
  else void document.documentElement.requestFullscreen?.().catch(() => undefined);
}
