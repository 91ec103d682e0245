'use client';
/**
 * The interactive widgets, each its own chunk. The lesson route is one bundle for every lesson, so
 * importing the widgets directly would put all of them in every lesson's first load; loaded through
 * here, a lesson page fetches only the widgets its content renders.
 */
import dynamic from 'next/dynamic';

export const Derive = dynamic(() => import('./crypto/Derive').then((m) => m.Derive));
// The code exercise (CodeExercise, the runner glue, the lesson checks); Monaco itself loads only on "Open editor".
export const Exercise = dynamic(() => import('../exercise/LessonExercise').then((m) => m.LessonExercise));
export const EncryptDecrypt = dynamic(() => import('./crypto/EncryptDecrypt').then((m) => m.EncryptDecrypt));
export const KeyExchange = dynamic(() => import('./crypto/KeyExchange').then((m) => m.KeyExchange));
export const KeyPipeline = dynamic(() => import('./pipeline/KeyPipeline').then((m) => m.KeyPipeline));
export const KeyPair = dynamic(() => import('./crypto/KeyPair').then((m) => m.KeyPair));
export const LowOrderKey = dynamic(() => import('./crypto/LowOrderKey').then((m) => m.LowOrderKey));
export const NonceReuse = dynamic(() => import('./crypto/NonceReuse').then((m) => m.NonceReuse));
export const SelfTest = dynamic(() => import('./crypto/SelfTest').then((m) => m.SelfTest));
export const Tamper = dynamic(() => import('./crypto/Tamper').then((m) => m.Tamper));
export const Wire = dynamic(() => import('./crypto/Wire').then((m) => m.Wire));
export const AttackConsole = dynamic(() => import('./attack/AttackConsole').then((m) => m.AttackConsole));
export const BlastRadius = dynamic(() => import('./attack/BlastRadius').then((m) => m.BlastRadius));
export const EscrowBinding = dynamic(() => import('./escrow/EscrowBinding').then((m) => m.EscrowBinding));
export const EscrowPipeline = dynamic(() => import('./pipeline/EscrowPipeline').then((m) => m.EscrowPipeline));
export const EscrowSwitch = dynamic(() => import('./escrow/EscrowSwitch').then((m) => m.EscrowSwitch));
export const Forge = dynamic(() => import('./escrow/Forge').then((m) => m.Forge));
export const ShamirCurve = dynamic(() => import('./pipeline/ShamirCurve').then((m) => m.ShamirCurve));
export const SplitKeys = dynamic(() => import('./escrow/SplitKeys').then((m) => m.SplitKeys));
export const Warrant = dynamic(() => import('./escrow/Warrant').then((m) => m.Warrant));
export const Conversation = dynamic(() => import('./protocol/Conversation').then((m) => m.Conversation));
export const DeviceTheft = dynamic(() => import('./protocol/DeviceTheft').then((m) => m.DeviceTheft));
export const RatchetHealing = dynamic(() => import('./protocol/RatchetHealing').then((m) => m.RatchetHealing));
export const RatchetChains = dynamic(() => import('./pipeline/RatchetChains').then((m) => m.RatchetChains));
export const ServerView = dynamic(() => import('./protocol/ServerView').then((m) => m.ServerView));
export const EscrowEvasion = dynamic(() => import('./mitigations/EscrowEvasion').then((m) => m.EscrowEvasion));
export const GhostGroup = dynamic(() => import('./mitigations/GhostGroup').then((m) => m.GhostGroup));
export const Mitigation = dynamic(() => import('./mitigations/Mitigation').then((m) => m.Mitigation));
export const MitigationChart = dynamic(() => import('./mitigations/MitigationChart').then((m) => m.MitigationChart));
