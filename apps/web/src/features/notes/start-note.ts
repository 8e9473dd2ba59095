import { useNavigate } from '@tanstack/react-router';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { idempotencyKeyFor, type KeyedBody } from '../../lib/idempotency';
import { notifyProblem } from '../../ui/problems';
import type { Discipline } from './editor';
import { useCreateNote, type NewNoteBody } from './queries';

/**
 * What a new draft starts with: nothing typed yet, and for psychology the usual format (a
 * draft may be incomplete; signing asks for the rest).
 */
export function newContent(discipline: Discipline): Record<string, unknown> {
  return discipline === 'psychology' ? { format: 'SOAP', sections: {} } : {};
}

/**
 * Starts a draft for a client and opens it: from the chart, or from an appointment on Today
 * (which the note then records). A double click or a retry makes one note, not two.
 */
export function useStartNote(clientId: string) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateNote(clientId);
  const lastKey = useRef<KeyedBody | null>(null);

  const start = async (note: Omit<NewNoteBody, 'content'>): Promise<boolean> => {
    const body: NewNoteBody = { ...note, content: newContent(note.discipline) };
    lastKey.current = idempotencyKeyFor(body, lastKey.current);
    try {
      const created = await create.mutateAsync({ body, idempotencyKey: lastKey.current.key });
      void navigate({ to: '/notes/$noteId', params: { noteId: created.id } });
      return true;
    } catch (error) {
      notifyProblem(error, t, i18n.language);
      return false;
    }
  };
  return { start, pending: create.isPending };
}
