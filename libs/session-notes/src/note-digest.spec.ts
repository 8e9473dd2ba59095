import { createHash } from 'node:crypto';
import { canonicalJson, noteDigest, SignedFacts } from './note-digest';

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

function note(overrides: Partial<SignedFacts> = {}): SignedFacts {
  return {
    id: '0b9e3a52-6c1f-4d7e-8a20-5f4c3b2a1d09',
    clientId: 'c5f1d7a4-2e3b-4c8d-9f60-7a1b2c3d4e5f',
    practitionerId: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
    discipline: 'acupuncture',
    sessionDate: '2025-03-14',
    appointmentId: null,
    content: {
      chiefComplaint: 'Tension headaches',
      tongue: { bodyColour: 'pale', coating: 'thin white' },
      points: [
        { code: 'ST36', side: 'bilateral', retentionMinutes: 20 },
        { code: 'LI4', side: 'left' },
      ],
    },
    ...overrides,
  };
}

describe('noteDigest', () => {
  it('is 64 lowercase hex characters', () => {
    expect(noteDigest(note())).toMatch(/^[0-9a-f]{64}$/);
  });

  it('is the SHA-256 of the note in canonical JSON', () => {
    const facts = note({
      discipline: 'training',
      appointmentId: 'e1d2c3b4-a596-4877-8899-aabbccddeeff',
      content: { notes: 'Easy', exercises: [{ sets: 1, reps: 5, name: 'Deadlift' }] },
    });
    const canonical =
      '{"appointmentId":"e1d2c3b4-a596-4877-8899-aabbccddeeff",' +
      '"clientId":"c5f1d7a4-2e3b-4c8d-9f60-7a1b2c3d4e5f",' +
      '"content":{"exercises":[{"name":"Deadlift","reps":5,"sets":1}],"notes":"Easy"},' +
      '"discipline":"training",' +
      '"id":"0b9e3a52-6c1f-4d7e-8a20-5f4c3b2a1d09",' +
      '"practitionerId":"9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d",' +
      '"sessionDate":"2025-03-14"}';
    expect(canonicalJson(facts)).toBe(canonical);
    expect(noteDigest(facts)).toBe(sha256(canonical));
  });

  it('gives the same digest whatever order the keys come in, at every depth', () => {
    const reordered: SignedFacts = {
      content: {
        points: [
          { retentionMinutes: 20, side: 'bilateral', code: 'ST36' },
          { side: 'left', code: 'LI4' },
        ],
        tongue: { coating: 'thin white', bodyColour: 'pale' },
        chiefComplaint: 'Tension headaches',
      },
      sessionDate: '2025-03-14',
      practitionerId: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
      id: '0b9e3a52-6c1f-4d7e-8a20-5f4c3b2a1d09',
      discipline: 'acupuncture',
      clientId: 'c5f1d7a4-2e3b-4c8d-9f60-7a1b2c3d4e5f',
      appointmentId: null,
    };
    expect(noteDigest(reordered)).toBe(noteDigest(note()));
  });

  it('gives the same digest for the same note twice', () => {
    expect(noteDigest(note())).toBe(noteDigest(note()));
  });

  describe('changes when the note does', () => {
    const original = noteDigest(note());

    it('by one character of its content', () => {
      const content = {
        chiefComplaint: 'Tension headachez',
        tongue: { bodyColour: 'pale', coating: 'thin white' },
        points: [
          { code: 'ST36', side: 'bilateral', retentionMinutes: 20 },
          { code: 'LI4', side: 'left' },
        ],
      };
      expect(noteDigest(note({ content }))).not.toBe(original);
    });

    it('by one character deep in its content', () => {
      const content = {
        chiefComplaint: 'Tension headaches',
        tongue: { bodyColour: 'pale', coating: 'thin white' },
        points: [
          { code: 'ST36', side: 'bilateral', retentionMinutes: 21 },
          { code: 'LI4', side: 'left' },
        ],
      };
      expect(noteDigest(note({ content }))).not.toBe(original);
    });

    it('by its session date', () => {
      expect(noteDigest(note({ sessionDate: '2025-03-15' }))).not.toBe(original);
    });

    it('by its author, client or discipline', () => {
      expect(noteDigest(note({ practitionerId: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6e' }))).not.toBe(
        original,
      );
      expect(noteDigest(note({ clientId: 'c5f1d7a4-2e3b-4c8d-9f60-7a1b2c3d4e50' }))).not.toBe(
        original,
      );
      expect(noteDigest(note({ discipline: 'training' }))).not.toBe(original);
    });

    it('by the order of the points needled', () => {
      const content = {
        chiefComplaint: 'Tension headaches',
        tongue: { bodyColour: 'pale', coating: 'thin white' },
        points: [
          { code: 'LI4', side: 'left' },
          { code: 'ST36', side: 'bilateral', retentionMinutes: 20 },
        ],
      };
      expect(noteDigest(note({ content }))).not.toBe(original);
    });
  });
});

describe('canonicalJson', () => {
  it('sorts object keys at every depth, objects inside arrays included', () => {
    expect(canonicalJson({ b: 1, a: { d: [{ z: 1, y: 2 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[{"y":2,"z":1}]},"b":1}',
    );
  });

  it('keeps arrays in their order', () => {
    expect(canonicalJson(['b', 'a', 3, 1])).toBe('["b","a",3,1]');
    expect(canonicalJson({ list: [2, 1] })).not.toBe(canonicalJson({ list: [1, 2] }));
  });

  it('sorts by code unit: upper case before lower case', () => {
    expect(canonicalJson({ b: 1, a: 2, B: 3 })).toBe('{"B":3,"a":2,"b":1}');
  });

  it('writes no spaces', () => {
    expect(canonicalJson({ text: 'a b', n: 1.5 })).toBe('{"n":1.5,"text":"a b"}');
  });

  it('writes scalars as JSON does', () => {
    expect(canonicalJson('Zoë')).toBe('"Zoë"');
    expect(canonicalJson(null)).toBe('null');
    expect(canonicalJson(0)).toBe('0');
  });
});
