/**
 * What the audience can send while free text is off (the default, so a room in public stays
 * civil): short, harmless lines that still read like private messages once the projector opens them.
 * @module
 */
export const PRESET_MESSAGES: readonly string[] = [
  'Hi everyone!',
  'Can you read this?',
  'Meet me at the café after the talk.',
  'My bank PIN is 4921 (not really).',
  'I think the speaker is right.',
  'I am not sure about this escrow idea.',
  'Lunch at 1?',
  'Did you see that?',
  'This is just between us.',
  'Who else is here?',
];
