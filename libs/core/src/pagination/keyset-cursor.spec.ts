import { RequestErrorCode, RequestException } from '../errors/request.exception';
import { decodeCursor, encodeCursor, keysetPage } from './keyset-cursor';

describe('keyset cursor', () => {
  const invalid = (cursor: string, arity: number, patterns?: RegExp[]) => {
    try {
      decodeCursor(cursor, arity, patterns);
    } catch (error) {
      return error;
    }
    throw new Error(`decodeCursor accepted ${JSON.stringify(cursor)}`);
  };

  it('round-trips its parts, whatever characters they hold', () => {
    const parts = ['2026-11-24T10:00:00.123456Z', 'Zoë "Ann" / O\'Brien +=?', ''];
    const cursor = encodeCursor(parts);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor, 3)).toEqual(parts);
  });

  it('accepts parts that match the patterns given', () => {
    const cursor = encodeCursor(['42', 'abc']);
    expect(decodeCursor(cursor, 2, [/^\d+$/, /^[a-z]+$/])).toEqual(['42', 'abc']);
  });

  it.each([
    ['empty', ''],
    ['not base64url', 'a+b/c='],
    ['not JSON', Buffer.from('not json').toString('base64url')],
    ['JSON but not an array', encodeCursor({ a: '1' } as unknown as string[])],
    ['an array of numbers', Buffer.from('[1,2]').toString('base64url')],
    ['the wrong number of parts', encodeCursor(['only one'])],
  ])('rejects a cursor that is %s as a validation error on field cursor', (_, cursor) => {
    const error = invalid(cursor, 2);
    expect(error).toBeInstanceOf(RequestException);
    expect(error).toMatchObject({
      code: RequestErrorCode.ValidationFailed,
      message: 'The cursor is not valid.',
      errors: [{ field: 'cursor', message: 'is not a cursor this list returned' }],
    });
  });

  it('rejects a part that does not match its pattern', () => {
    const error = invalid(encodeCursor(['42', 'ABC']), 2, [/^\d+$/, /^[a-z]+$/]);
    expect(error).toMatchObject({ code: RequestErrorCode.ValidationFailed });
  });
});

describe('keysetPage', () => {
  const key = (n: number) => [String(n)];

  it('returns the rows and no cursor when the extra row is absent', () => {
    expect(keysetPage([1, 2], 2, key)).toEqual({ data: [1, 2], nextCursor: null });
  });

  it('drops the extra row and points the cursor at the last row shown', () => {
    const page = keysetPage([1, 2, 3], 2, key);
    expect(page.data).toEqual([1, 2]);
    expect(decodeCursor(page.nextCursor as string, 1)).toEqual(['2']);
  });
});
