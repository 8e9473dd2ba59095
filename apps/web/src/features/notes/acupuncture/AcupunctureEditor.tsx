import type { AcupunctureContent, EditorProps } from '../editor';

/** Placeholder while issue 19 is built: the acupuncture note's editor. */
export function AcupunctureEditor(_props: EditorProps<AcupunctureContent>) {
  return null;
}
