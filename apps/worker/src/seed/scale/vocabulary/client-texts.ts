/** What a client's intake holds: why they came, what they have, take and avoid. */
export const INTAKE_COMPLAINTS = [
  'Persistent fatigue and bloating for two years; GP found no cause.',
  'Joint pain and morning stiffness; wants to try an elimination diet.',
  'Low mood and anxiety since a burn-out last year.',
  'Chronic low back pain; physiotherapy helped only partly.',
  'Migraines twice a month, worse around the period.',
  'Wants to lose weight and get stronger after a knee operation.',
  'Poor sleep and work stress; tension in neck and shoulders.',
  'Digestive complaints and skin rash, possibly food related.',
] as const;

export const DIAGNOSES = [
  'Hashimoto thyroiditis',
  'Rheumatoid arthritis',
  'Irritable bowel syndrome',
  'Coeliac disease',
  'Psoriasis',
  'Type 2 diabetes',
  'Hypertension',
  'Generalised anxiety disorder',
  'Major depressive disorder, single episode',
  'Fibromyalgia',
  'Polycystic ovary syndrome',
  'Osteoarthritis of the knee',
] as const;

export const MEDICATION = [
  'Levothyroxine 75 mcg',
  'Metformin 500 mg twice daily',
  'Sertraline 50 mg',
  'Omeprazole 20 mg',
  'Ibuprofen as needed',
  'Methotrexate 15 mg weekly',
  'Amlodipine 5 mg',
  'Vitamin D 25 mcg',
] as const;

export const ALLERGIES = [
  'penicillin',
  'peanuts',
  'shellfish',
  'latex',
  'pollen',
  'house dust mite',
] as const;

export const DIET_HISTORIES = [
  'Mostly bread and dairy; tried low-carb for three months in the past.',
  'Vegetarian for ten years; irregular meals because of shift work.',
  'High sugar intake, little vegetables; drinks four coffees a day.',
  'Already gluten-free for a year with partial relief.',
] as const;
