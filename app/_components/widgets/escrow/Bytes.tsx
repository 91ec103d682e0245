'use client';
/**
 * ByteView, memoised. The escrow widgets show dozens of byte views per result; re-rendering the
 * unchanged ones on every state change (and in every mounted instance of a widget) is what made
 * results slow to appear. The values are the worker's replies, whose identity only changes with the
 * bytes, so shallow comparison is exact.
 */
import { memo } from 'react';
import { ByteView } from '../../bytes/ByteView';

export const Bytes = memo(ByteView);
