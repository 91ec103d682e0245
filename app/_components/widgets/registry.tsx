import type { ComponentType } from 'react';
import type { WidgetName } from '@/lib/lessons/widget-names';
import { LearnerNotes } from '../present/LearnerNotes';
import { Callout } from './Callout';
import {
  AttackConsole,
  BlastRadius,
  Conversation,
  Derive,
  DeviceTheft,
  EncryptDecrypt,
  EscrowBinding,
  EscrowEvasion,
  EscrowPipeline,
  EscrowSwitch,
  Exercise,
  Forge,
  GhostGroup,
  KeyExchange,
  KeyPair,
  LowOrderKey,
  Mitigation,
  MitigationChart,
  NonceReuse,
  RatchetHealing,
  KeyPipeline,
  RatchetChains,
  SelfTest,
  ServerView,
  ShamirCurve,
  SplitKeys,
  Tamper,
  Warrant,
  Wire,
} from './lazy-widgets';
import { Quiz } from './Quiz';
import { Step } from './Step';

/**
 * The components lesson MDX may use, by element name. Typed against lib/lessons/widget-names.ts:
 * a widget listed there (and not marked `planned`) must be provided here, or this file does not
 * compile; the validator rejects any name not listed there.
 */
// Props are checked per widget by the validator (string literals only), not by TypeScript here.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const lessonWidgets: Record<WidgetName, ComponentType<any>> = {
  Step,
  Quiz,
  Callout,
  Notes: LearnerNotes,
  Exercise,
  KeyPair,
  KeyExchange,
  Derive,
  EncryptDecrypt,
  Tamper,
  Wire,
  NonceReuse,
  SelfTest,
  LowOrderKey,
  Conversation,
  ServerView,
  DeviceTheft,
  RatchetHealing,
  KeyPipeline,
  RatchetChains,
  AttackConsole,
  BlastRadius,
  EscrowSwitch,
  EscrowPipeline,
  Warrant,
  Forge,
  EscrowBinding,
  ShamirCurve,
  SplitKeys,
  EscrowEvasion,
  Mitigation,
  MitigationChart,
  GhostGroup,
};
