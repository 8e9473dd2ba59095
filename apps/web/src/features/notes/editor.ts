import type { Schemas } from '../../api/client';

export type Discipline = Schemas['SessionNoteResponse']['discipline'];
export type SessionNote = Schemas['SessionNoteResponse'];
export type AcupunctureContent = Schemas['AcupunctureContentDto'];
export type PsychologyContent = Schemas['PsychologyContentDto'];
export type NutritionContent = Schemas['NutritionContentDto'];
export type TrainingContent = Schemas['TrainingContentDto'];
/** A draft's content as the API takes it: half-written, any field (even in a row) left out. */
export type AcupunctureDraft = Schemas['AcupunctureDraftContentDto'];
export type PsychologyDraft = Partial<Schemas['PsychologyDraftContentDto']>;
export type NutritionDraft = Schemas['NutritionDraftContentDto'];
export type TrainingDraft = Schemas['TrainingDraftContentDto'];

/**
 * What the note page gives each discipline's editor. The page owns the draft (autosave with
 * If-Match, conflicts, signing); an editor only shows `content` and reports each change as a
 * whole new content object, so that the page can save it as it is.
 */
export interface EditorProps<C> {
  /** The note being written: its client, date, appointment. */
  note: SessionNote;
  content: C;
  onChange: (content: C) => void;
  /**
   * The API's field errors under `content`, by path as the API names them without the
   * `content.` prefix: `points[2].code`, `tongue.coating`. An editor shows each at its field.
   */
  errors: Readonly<Record<string, string>>;
  /** A signed note (or one the user may not change): shown, not edited. */
  readOnly: boolean;
}
