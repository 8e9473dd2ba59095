import { AcupunctureEditor } from './acupuncture/AcupunctureEditor';
import type {
  AcupunctureContent,
  EditorProps,
  NutritionContent,
  PsychologyContent,
  TrainingContent,
} from './editor';
import { NutritionEditor } from './nutrition/NutritionEditor';
import { PsychologyEditor } from './psychology/PsychologyEditor';
import { TrainingEditor } from './training/TrainingEditor';

/** The note's own discipline's editor (the note decides, never the user's choice). */
export function NoteEditor(props: EditorProps<unknown>) {
  switch (props.note.discipline) {
    case 'acupuncture':
      return <AcupunctureEditor {...(props as EditorProps<AcupunctureContent>)} />;
    case 'psychology':
      return <PsychologyEditor {...(props as EditorProps<PsychologyContent>)} />;
    case 'nutrition':
      return <NutritionEditor {...(props as EditorProps<NutritionContent>)} />;
    case 'training':
      return <TrainingEditor {...(props as EditorProps<TrainingContent>)} />;
  }
}
