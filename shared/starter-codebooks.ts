/**
 * The two starter codebooks of the POET survey (parents/carers and
 * practitioners). Definitions are written in our own words; keywords start
 * from each theme's name and definition, plus a few word forms coders are
 * likely to meet that the definition does not spell out.
 */
import { initialKeywords } from './keywords';

export type StarterCodebookId = 'parents' | 'practitioners';

export const STARTER_CODEBOOK_IDS: readonly StarterCodebookId[] = [
  'parents',
  'practitioners',
];

export interface StarterTheme {
  name: string;
  definition: string;
  keywords: string[];
}

export interface StarterCodebook {
  id: StarterCodebookId;
  name: string;
  themes: StarterTheme[];
}

interface ThemeSeed {
  name: string;
  definition: string;
  /** Hand-picked word forms added after the ones taken from the text. */
  extra?: string[];
}

/**
 * A starter theme: the name and definition's own content words first,
 * then the hand-picked extras, without repeats.
 */
export function starterTheme(seed: ThemeSeed): StarterTheme {
  const keywords = initialKeywords(seed.name, seed.definition);
  for (const word of seed.extra ?? []) {
    if (!keywords.includes(word)) keywords.push(word);
  }
  return { name: seed.name, definition: seed.definition, keywords };
}

const PARENT_THEMES: ThemeSeed[] = [
  {
    name: 'Assessment & Planning',
    definition:
      "Understanding the child's needs, situation, strengths and hopes, and arranging support to match them.",
    extra: ['assessed', 'plan', 'planned'],
  },
  {
    name: 'Support (care)',
    definition: 'Extra help is in place and fits the child and the family.',
    extra: ['supported', 'supportive', 'care', 'provision'],
  },
  {
    name: 'Professional & Peer Support',
    definition:
      'Help and guidance from practitioners during the process; peer support from parent partnership services.',
    extra: ['professionals', 'caseworker', 'parent partnership'],
  },
  {
    name: 'Partnership (parent/child voice)',
    definition: "Being listened to and feeling that one's views are valued.",
    extra: ['listened', 'listen', 'heard', 'voice', 'views'],
  },
  {
    name: 'Partnership between practitioners',
    definition: 'Schools and agencies working together toward shared outcomes.',
    extra: ['agencies', 'joined up', 'multi-agency', 'together'],
  },
  {
    name: 'Education',
    definition: 'Access to suitable education provision.',
    extra: ['school', 'schools', 'college', 'placement'],
  },
  {
    name: 'Simplicity (process)',
    definition:
      'A clear process families can follow, including the transfer from a statement.',
    extra: ['simple', 'straightforward', 'complicated', 'confusing'],
  },
  {
    name: 'Communication',
    definition:
      'Information and advice about how the process works; contact by email.',
    extra: ['communication', 'information', 'advice', 'email', 'contact'],
  },
  {
    name: 'Time',
    definition:
      'How fast the process goes; delays in assessments, reports and replies.',
    extra: ['delay', 'delayed', 'weeks', 'months', 'waiting', 'late'],
  },
  {
    name: 'Paperwork',
    definition:
      'The volume and complexity of forms, including one-page profiles.',
    extra: ['forms', 'form', 'one-page profile'],
  },
];

const PRACTITIONER_THEMES: ThemeSeed[] = [
  {
    name: 'Partnership with parents/carers',
    definition:
      'Working with parents and carers as partners throughout the process.',
    extra: ['parent', 'parents', 'carer', 'carers', 'families'],
  },
  {
    name: 'Child-family centred',
    definition:
      "Needs seen in the family's context, strengths as well as needs, and the child's views at the centre.",
    extra: ['person-centred', 'child-centred', 'family-centred'],
  },
  {
    name: 'Partnership with colleagues',
    definition:
      'Multi-agency working, with planning and decisions made jointly.',
    extra: ['agencies', 'colleagues', 'joint', 'together'],
  },
  {
    name: 'Outcomes',
    definition: 'Time-bound targets and goals shared with the family.',
    extra: ['outcome', 'targets', 'goals'],
  },
  {
    name: 'Planning',
    definition: 'Designing the support arrangements together.',
    extra: ['plan', 'plans', 'planned'],
  },
  {
    name: 'Assessment',
    definition:
      "A holistic view of each child's needs drawn from several settings.",
    extra: ['assessed', 'assessments', 'holistic'],
  },
  {
    name: 'Support',
    definition: 'Direct individual support, or suitable provision.',
    extra: ['supported', 'provision'],
  },
  {
    name: 'Timely response',
    definition: 'Responding promptly and within statutory timescales.',
    extra: ['timescales', 'deadline', 'deadlines', 'delay', 'weeks'],
  },
  {
    name: 'Paperwork',
    definition:
      'Duplication of forms, unified person-centred documents, plain language.',
    extra: ['forms', 'form', 'duplication', 'documents'],
  },
  {
    name: 'Procedures',
    definition:
      'Clarity of the process and of who is responsible for what; training.',
    extra: ['procedure', 'process', 'responsibilities', 'training'],
  },
  {
    name: 'Engagement of health',
    definition: 'Whether health practitioners are available and take part.',
    extra: ['health', 'nhs', 'therapist', 'therapists', 'doctor'],
  },
  {
    name: 'New systems',
    definition: 'The strain of getting used to a new way of working.',
    extra: ['new system', 'reforms', 'changes', 'transition'],
  },
  {
    name: 'Workload',
    definition:
      'The time and intensity of the work needed for each child and family.',
    extra: ['workload', 'capacity', 'caseload', 'pressure'],
  },
];

/** The starter codebooks, in the order the UI offers them. */
export const STARTER_CODEBOOKS: readonly StarterCodebook[] = [
  {
    id: 'parents',
    name: 'POET parents/carers',
    themes: PARENT_THEMES.map(starterTheme),
  },
  {
    id: 'practitioners',
    name: 'POET practitioners',
    themes: PRACTITIONER_THEMES.map(starterTheme),
  },
];

/** The starter codebook with this id, or null. */
export function findStarterCodebook(id: string): StarterCodebook | null {
  return STARTER_CODEBOOKS.find((c) => c.id === id) ?? null;
}
