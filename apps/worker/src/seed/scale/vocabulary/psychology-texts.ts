/**
 * Sentences a psychologist writes into the sections of a SOAP, DAP or BIRP note. A note
 * takes two or three per section, so notes differ while staying plausible.
 */
export const SECTION_SENTENCES: Readonly<Record<string, readonly string[]>> = {
  subjective: [
    'Client reports a difficult week at work with more worry in the evenings.',
    'Sleep has improved slightly; still wakes early most days.',
    'Describes low mood since the holidays and less interest in hobbies.',
    'Reports fewer panic episodes, two since the last session.',
    'Feels more able to say no to extra tasks.',
    'Conflict with partner about household tasks remains a stressor.',
  ],
  objective: [
    'Appeared tired but engaged; speech normal in rate and volume.',
    'Affect congruent, somewhat flat at the start, brighter towards the end.',
    'Completed the homework diary for five of seven days.',
    'Good eye contact, oriented, no signs of psychosis.',
  ],
  data: [
    'Client arrived on time and discussed the thought record from last week.',
    'Reviewed the week: two situations with strong anxiety, both at work.',
    'PHQ-9 and GAD-7 discussed; scores lower than at intake.',
    'Client practised the breathing exercise daily.',
  ],
  behavior: [
    'Client was restless at first and settled after ten minutes.',
    'Client spoke openly about avoidance of social situations.',
    'Client brought a written list of situations that trigger worry.',
  ],
  intervention: [
    'Cognitive restructuring of catastrophic thoughts about work performance.',
    'Behavioural activation: planned three pleasant activities for the coming week.',
    'Psychoeducation on the anxiety cycle and safety behaviours.',
    'Practised grounding and paced breathing in session.',
  ],
  response: [
    'Client could name alternative thoughts and rated belief in the original thought lower.',
    'Client was motivated and agreed to the activity plan.',
    'Client found the exercise helpful and will practise at home.',
  ],
  assessment: [
    'Gradual improvement of depressive symptoms; anxiety remains moderate.',
    'Progress in line with the treatment plan; avoidance decreasing.',
    'Mood stable; sleep problems are the main maintaining factor now.',
    'Symptoms fluctuate with work stress; coping skills are growing.',
  ],
  plan: [
    'Continue CBT fortnightly; homework: thought records on three evenings.',
    'Next session: exposure hierarchy for social situations.',
    'Repeat PHQ-9 and GAD-7 in four weeks.',
    'Continue current approach; evaluate with client in three sessions.',
  ],
};
