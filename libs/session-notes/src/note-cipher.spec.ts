import { Discipline } from '@meridian/auth/access/role';
import { DataCipher, validateConfig } from '@meridian/core';
import { randomBytes } from 'node:crypto';
import { NoteCipher, StoredContent } from './note-cipher';
import { SessionNoteAddendumEntity } from './session-note-addendum.entity';
import { SessionNoteEntity } from './session-note.entity';

const key = () => randomBytes(32).toString('base64');
const cipherWith = (keys: string) =>
  new DataCipher(validateConfig({ NODE_ENV: 'test', DATA_ENCRYPTION_KEYS: keys }));

const NOTE_ID = '6e1f2a3b-4c5d-4e6f-8a7b-9c0d1e2f3a4b';
const OTHER_NOTE_ID = '6e1f2a3b-4c5d-4e6f-8a7b-9c0d1e2f3a4c';
const ADDENDUM_ID = 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d';
const OTHER_ADDENDUM_ID = 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5e';

const SOAP = {
  format: 'SOAP',
  sections: {
    subjective: 'Panic attacks at work, twice this week',
    objective: 'Tearful, oriented',
    assessment: 'Panic disorder, moderate',
    plan: 'Interoceptive exposure; review in one week',
  },
  riskLevel: 'low',
};

const ACUPUNCTURE = {
  chiefComplaint: 'Tension headaches',
  points: [{ code: 'ST36', side: 'bilateral', retentionMinutes: 20 }],
};

/** A note row as the repository would load it: its id and how its content is stored. */
const noteRow = (id: string, stored: StoredContent) =>
  Object.assign(new SessionNoteEntity(), { id, ...stored });

const addendumRow = (
  id: string,
  stored: Pick<SessionNoteAddendumEntity, 'text' | 'reason' | 'sealed' | 'keyId'>,
) => Object.assign(new SessionNoteAddendumEntity(), { id, ...stored });

describe(NoteCipher.name, () => {
  const oldKey = `k1:${key()}`;
  const currentKey = `k2:${key()}`;
  const dataCipher = cipherWith(`${currentKey},${oldKey}`);
  const noteCipher = new NoteCipher(dataCipher);

  describe('sealContent and openContent', () => {
    it('seal psychology content and open it again', () => {
      const stored = noteCipher.sealContent(NOTE_ID, Discipline.Psychology, SOAP);
      expect(stored.content).toBeNull();
      expect(stored.sealedContent).toMatch(/^v1\.k2\./);
      expect(noteCipher.openContent(noteRow(NOTE_ID, stored))).toEqual(SOAP);
    });

    it('leave nothing of psychology content in clear', () => {
      const { sealedContent } = noteCipher.sealContent(NOTE_ID, Discipline.Psychology, SOAP);
      for (const word of ['Panic', 'panic', 'Tearful', 'subjective', 'riskLevel']) {
        expect(sealedContent).not.toContain(word);
      }
    });

    it('name the key psychology content is sealed under: the current one', () => {
      const stored = noteCipher.sealContent(NOTE_ID, Discipline.Psychology, SOAP);
      expect(dataCipher.currentKey).toBe('k2');
      expect(stored.keyId).toBe(dataCipher.currentKey);
    });

    it('seal the same content differently each time', () => {
      const first = noteCipher.sealContent(NOTE_ID, Discipline.Psychology, SOAP);
      const second = noteCipher.sealContent(NOTE_ID, Discipline.Psychology, SOAP);
      expect(first.sealedContent).not.toBe(second.sealedContent);
    });

    it('keep unicode intact', () => {
      const content = { ...SOAP, sections: { ...SOAP.sections, subjective: 'Zoë — “ça va” 東京' } };
      const stored = noteCipher.sealContent(NOTE_ID, Discipline.Psychology, content);
      expect(noteCipher.openContent(noteRow(NOTE_ID, stored))).toEqual(content);
    });

    it('refuse to open sealed content copied onto another note', () => {
      const stored = noteCipher.sealContent(NOTE_ID, Discipline.Psychology, SOAP);
      expect(() => noteCipher.openContent(noteRow(OTHER_NOTE_ID, stored))).toThrow(
        /authentication failed/,
      );
    });

    it('open content sealed under a key that is no longer current', () => {
      const stored = new NoteCipher(cipherWith(oldKey)).sealContent(
        NOTE_ID,
        Discipline.Psychology,
        SOAP,
      );
      expect(stored.keyId).toBe('k1');
      expect(noteCipher.openContent(noteRow(NOTE_ID, stored))).toEqual(SOAP);
    });

    it.each([[Discipline.Acupuncture], [Discipline.Nutrition], [Discipline.Training]])(
      'store %s content in clear',
      (discipline) => {
        const stored = noteCipher.sealContent(NOTE_ID, discipline, ACUPUNCTURE);
        expect(stored).toEqual({ content: ACUPUNCTURE, sealedContent: null, keyId: null });
        expect(noteCipher.openContent(noteRow(NOTE_ID, stored))).toEqual(ACUPUNCTURE);
      },
    );
  });

  describe('sealAddendum and openAddendum', () => {
    const text = 'Client called: panic attack on the train';
    const reason = 'Late information';

    it('seal a psychology addendum, text and reason together, and open it again', () => {
      const stored = noteCipher.sealAddendum(ADDENDUM_ID, Discipline.Psychology, text, reason);
      expect(stored.text).toBeNull();
      expect(stored.reason).toBeNull();
      expect(stored.keyId).toBe(dataCipher.currentKey);
      expect(stored.sealed).not.toContain('panic');
      expect(stored.sealed).not.toContain('information');
      expect(noteCipher.openAddendum(addendumRow(ADDENDUM_ID, stored))).toEqual({ text, reason });
    });

    it('refuse to open a sealed addendum copied onto another addendum', () => {
      const stored = noteCipher.sealAddendum(ADDENDUM_ID, Discipline.Psychology, text, reason);
      expect(() => noteCipher.openAddendum(addendumRow(OTHER_ADDENDUM_ID, stored))).toThrow(
        /authentication failed/,
      );
    });

    it('refuse to open a sealed addendum as a note’s content', () => {
      const { sealed, keyId } = noteCipher.sealAddendum(
        NOTE_ID,
        Discipline.Psychology,
        text,
        reason,
      );
      const row = noteRow(NOTE_ID, { content: null, sealedContent: sealed, keyId });
      expect(() => noteCipher.openContent(row)).toThrow(/authentication failed/);
    });

    it.each([[Discipline.Acupuncture], [Discipline.Nutrition], [Discipline.Training]])(
      'keep a %s addendum in clear',
      (discipline) => {
        const stored = noteCipher.sealAddendum(ADDENDUM_ID, discipline, text, reason);
        expect(stored).toEqual({ text, reason, sealed: null, keyId: null });
        expect(noteCipher.openAddendum(addendumRow(ADDENDUM_ID, stored))).toEqual({
          text,
          reason,
        });
      },
    );
  });
});
