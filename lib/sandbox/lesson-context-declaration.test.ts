import { describe, expect, it } from 'vitest';
import { lessonContextDeclaration } from './lesson-context-declaration';

describe('lessonContextDeclaration', () => {
  it('derives a read-only type from the context value', () => {
    const text = lessonContextDeclaration({
      bob: { publicKey: new Uint8Array(32) },
      info: 'x',
      n: 1,
      list: ['a', 'b'],
      'odd-key': true,
      empty: [],
    });
    expect(text).toContain('readonly publicKey: Uint8Array;');
    expect(text).toContain('readonly info: string;');
    expect(text).toContain('readonly list: readonly string[];');
    expect(text).toContain('readonly "odd-key": boolean;');
    expect(text).toContain('readonly empty: readonly unknown[];');
    expect(text).toContain('declare const lesson: LessonContext;');
  });
});
