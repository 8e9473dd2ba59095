import { Injectable } from '@nestjs/common';
import { Discipline } from '@meridian/auth/access/role';
import { DataCipher } from '@meridian/core';
import type { SessionNoteAddendumEntity } from './session-note-addendum.entity';
import type { SessionNoteEntity } from './session-note.entity';

/** Where a note's content is stored: in clear (JSONB) or sealed, with the key it is under. */
export interface StoredContent {
  content: Record<string, unknown> | null;
  sealedContent: string | null;
  keyId: string | null;
}

/**
 * Seals what psychology notes say, and opens it again: the note's content and its addenda.
 * Each value is bound to its row (GCM additional data), so a sealed value copied onto another
 * note does not open.
 */
@Injectable()
export class NoteCipher {
  constructor(private readonly cipher: DataCipher) {}

  sealContent(
    noteId: string,
    discipline: Discipline,
    content: Record<string, unknown>,
  ): StoredContent {
    if (discipline !== Discipline.Psychology) return { content, sealedContent: null, keyId: null };
    const sealedContent = this.cipher.encrypt(JSON.stringify(content), contentContext(noteId));
    return { content: null, sealedContent, keyId: this.cipher.keyIdOf(sealedContent) };
  }

  openContent(note: SessionNoteEntity): Record<string, unknown> {
    if (note.sealedContent === null) return note.content ?? {};
    return JSON.parse(this.cipher.decrypt(note.sealedContent, contentContext(note.id))) as Record<
      string,
      unknown
    >;
  }

  sealAddendum(
    addendumId: string,
    discipline: Discipline,
    text: string,
    reason: string,
  ): Pick<SessionNoteAddendumEntity, 'text' | 'reason' | 'sealed' | 'keyId'> {
    if (discipline !== Discipline.Psychology) return { text, reason, sealed: null, keyId: null };
    const sealed = this.cipher.encrypt(
      JSON.stringify({ text, reason }),
      addendumContext(addendumId),
    );
    return { text: null, reason: null, sealed, keyId: this.cipher.keyIdOf(sealed) };
  }

  openAddendum(addendum: SessionNoteAddendumEntity): { text: string; reason: string } {
    if (addendum.sealed === null)
      return { text: addendum.text ?? '', reason: addendum.reason ?? '' };
    return JSON.parse(this.cipher.decrypt(addendum.sealed, addendumContext(addendum.id))) as {
      text: string;
      reason: string;
    };
  }
}

export const contentContext = (noteId: string) => `session-note:${noteId}:content`;
export const addendumContext = (addendumId: string) => `session-note-addendum:${addendumId}`;
