/** What comes up in nutrition sessions during elimination diets and reintroduction. */
export const NUTRITION_SYMPTOMS = [
  'bloating',
  'fatigue',
  'joint pain',
  'headache',
  'brain fog',
  'skin rash',
  'reflux',
  'constipation',
  'loose stools',
  'sugar cravings',
  'poor sleep',
] as const;

export const CHALLENGE_FOODS = [
  'dairy (yoghurt)',
  'eggs',
  'wheat (bread)',
  'rice',
  'oats',
  'tomatoes',
  'peppers',
  'nuts (almonds)',
  'legumes (lentils)',
  'coffee',
  'chocolate',
  'citrus fruit',
] as const;

export const REACTIONS: Readonly<
  Record<'none' | 'mild' | 'moderate' | 'severe', readonly string[]>
> = {
  none: ['No reaction over three days', 'Tolerated well'],
  mild: ['Slight bloating the next morning', 'Mild headache the same evening'],
  moderate: ['Bloating the next morning, joint pain two days', 'Skin flare on the second day'],
  severe: ['Strong abdominal pain and diarrhoea within hours', 'Migraine lasting two days'],
};
