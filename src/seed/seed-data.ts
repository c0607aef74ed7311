import { DatePrecision } from '../domain/common/partial-date';
import { EventKind } from '../domain/event/event.entity';
import { QuantityKind, QuantityPeriod } from '../domain/quantity/quantity.entity';
import { TimeUnit } from '../domain/quantity/time-unit';
import { RelationType } from '../domain/relation/statement-relation.entity';
import { SpeakerKind } from '../domain/speaker/speaker.entity';
import { StatementMode, VerificationStatus } from '../domain/statement/statement.entity';

/**
 * The reference article curated by hand into rows (DOMAIN.md, "The seed article, as data").
 * Ids are fixed so that seeding twice finds every row already there.
 *
 * The article carries no date or URL of its own. It reports Rutte's speech of 16 January
 * (2026: Syrskyi's statement is "previously, in December 2025") and Fedorov's remarks
 * "earlier this week", so the report and those remarks are dated to the ISO week of
 * 19 January 2026 at WEEK precision, and the source gets a placeholder URL on the
 * reserved .example domain. Both choices are stated in the rows' descriptions.
 */
export const seedId = (group: number, n: number): string => `5eed0000-0000-4000-8000-${String(group).padStart(6, '0')}${String(n).padStart(6, '0')}`;

export const SEED_IDS = {
  fedorov: seedId(1, 1),
  rutte: seedId(1, 2),
  syrskyi: seedId(1, 3),
  ukraineGovernment: seedId(1, 4),
  nato: seedId(1, 5),
  armedForces: seedId(1, 6),
  fedorovRemarks: seedId(3, 1),
  rutteBrussels: seedId(3, 2),
  syrskyiDecember: seedId(3, 3),
  article: seedId(4, 1),
  deaths: seedId(5, 1),
  statement: (n: number) => seedId(6, n),
} as const;

export const seedSpeakers = [
  { id: SEED_IDS.fedorov, kind: SpeakerKind.PERSON, name: 'Mykhailo Fedorov', aliases: ['Fedorov', 'Mykhailo Fedorov', 'Mikhail Fedorov', 'Fedorov Mykhailo'], description: 'Ukrainian minister.', wikidata_id: null },
  { id: SEED_IDS.rutte, kind: SpeakerKind.PERSON, name: 'Mark Rutte', aliases: ['Rutte'], description: 'Secretary General of NATO since 1 October 2024; former Prime Minister of the Netherlands.', wikidata_id: 'Q57792' },
  { id: SEED_IDS.syrskyi, kind: SpeakerKind.PERSON, name: 'Oleksandr Syrskyi', aliases: ['Syrskyi', 'Syrsky', 'Sirsky', 'Oleksandr Syrsky', 'Aleksandr Syrsky'], description: 'Commander-in-Chief of the Armed Forces of Ukraine since February 2024.', wikidata_id: null },
  { id: SEED_IDS.ukraineGovernment, kind: SpeakerKind.ORGANIZATION, name: 'Government of Ukraine', aliases: ['Cabinet of Ministers of Ukraine'], description: 'The Cabinet of Ministers of Ukraine.', wikidata_id: null },
  { id: SEED_IDS.nato, kind: SpeakerKind.ORGANIZATION, name: 'NATO', aliases: ['North Atlantic Treaty Organization', 'OTAN'], description: 'The North Atlantic Treaty Organization.', wikidata_id: 'Q7184' },
  { id: SEED_IDS.armedForces, kind: SpeakerKind.ORGANIZATION, name: 'Armed Forces of Ukraine', aliases: ['Ukrainian Army', 'ZSU'], description: 'The military of Ukraine.', wikidata_id: null },
];

export const seedRoles = [
  { id: seedId(2, 1), speaker_id: SEED_IDS.fedorov, organization_id: SEED_IDS.ukraineGovernment, title: 'Minister', started_on: null, ended_on: null },
  { id: seedId(2, 2), speaker_id: SEED_IDS.rutte, organization_id: SEED_IDS.nato, title: 'Secretary General', started_on: '2024-10-01', ended_on: null },
  { id: seedId(2, 3), speaker_id: SEED_IDS.syrskyi, organization_id: SEED_IDS.armedForces, title: 'Commander-in-Chief', started_on: '2024-02-08', ended_on: null },
];

export const seedEvents = [
  {
    id: SEED_IDS.fedorovRemarks, kind: EventKind.INTERVIEW, title: 'Mykhailo Fedorov remarks to local media',
    occurred_on: '2026-01-19', occurred_precision: DatePrecision.WEEK, place: null, country_code: 'UA',
    description: 'Remarks "earlier this week" in the reference report; dated to the week the report covers (see the source).',
  },
  {
    id: SEED_IDS.rutteBrussels, kind: EventKind.SPEECH, title: 'Mark Rutte speech in Brussels',
    occurred_on: '2026-01-16', occurred_precision: DatePrecision.DAY, place: 'Brussels', country_code: 'BE',
    description: 'NATO Secretary General speaking in Brussels (Belgium) on 16 January.',
  },
  {
    id: SEED_IDS.syrskyiDecember, kind: EventKind.OTHER, title: 'Oleksandr Syrskyi statement, December 2025',
    occurred_on: '2025-12-01', occurred_precision: DatePrecision.MONTH, place: null, country_code: null,
    description: 'A statement the report dates only to December 2025.',
  },
];

export const seedSources = [
  {
    id: SEED_IDS.article, url: 'https://claimgraph.example/reference/russian-losses-per-month',
    title: 'Ukraine sets a goal of 50,000 Russian soldiers killed per month (reference article)',
    publisher: 'Reference article shipped with Claimgraph (publisher not given)',
    published_on: '2026-01-19', published_precision: DatePrecision.WEEK, language: 'en',
  },
];

export const seedMeasures = [
  {
    id: SEED_IDS.deaths, slug: 'russian-military-deaths', label: 'Russian military deaths', unit: 'soldiers killed',
    description: "Soldiers of Russia's armed forces killed; historical comparisons include those of the Soviet Union.",
  },
];

export const seedTopics = [
  { id: seedId(7, 1), slug: 'russian-military-losses', label: 'Russian military losses', description: 'Casualties of the Russian armed forces.' },
  { id: seedId(7, 2), slug: 'ukraine-war-strategy', label: 'Ukraine war strategy', description: "Ukraine's aims and plans in the war." },
  { id: seedId(7, 3), slug: 'russian-recruitment', label: 'Russian recruitment', description: 'How many troops Russia enlists.' },
  { id: seedId(7, 4), slug: 'soviet-afghan-war', label: 'Soviet–Afghan war', description: 'The Soviet war in Afghanistan, 1979–1989.' },
];

const [losses, strategy, recruitment, afghanistan] = seedTopics.map((topic) => topic.id);

interface SeedStatement {
  speaker: string;
  event: string;
  text: string;
  mode: StatementMode;
  stated_on: string;
  stated_precision: DatePrecision;
  status: VerificationStatus;
  excerpt: string;
  topics: string[];
  quantities: Array<{
    value?: number; lower?: number; upper?: number; approximate: boolean;
    period: QuantityPeriod; span_length?: number; span_unit?: TimeUnit; kind: QuantityKind;
  }>;
}

const fedorovWeek = { stated_on: '2026-01-19', stated_precision: DatePrecision.WEEK };
const rutteDay = { stated_on: '2026-01-16', stated_precision: DatePrecision.DAY };

/** Statements 1 to 8 of DOMAIN.md, in that order; excerpts are verbatim substrings of the article. */
export const seedStatements: SeedStatement[] = [
  {
    speaker: SEED_IDS.fedorov, event: SEED_IDS.fedorovRemarks, ...fedorovWeek, mode: StatementMode.PARAPHRASE, status: VerificationStatus.UNVERIFIED,
    text: 'Raising Russian losses is a core "strategic goal" of Ukraine, meant to increase pressure and force Russia to "accept peace by force".',
    excerpt: 'Minister Mykhailo Fedorov said that this would be a core "strategic goal" of Ukraine. According to him, this plan aims to increase pressure, forcing Russia to "accept peace by force".',
    topics: [losses, strategy], quantities: [],
  },
  {
    speaker: SEED_IDS.fedorov, event: SEED_IDS.fedorovRemarks, ...fedorovWeek, mode: StatementMode.DIRECT_QUOTE, status: VerificationStatus.UNVERIFIED,
    text: 'They see people as a resource and the problems with that resource are very clear',
    excerpt: '"They see people as a resource and the problems with that resource are very clear" - he said',
    topics: [losses, recruitment], quantities: [],
  },
  {
    speaker: SEED_IDS.fedorov, event: SEED_IDS.fedorovRemarks, ...fedorovWeek, mode: StatementMode.PARAPHRASE, status: VerificationStatus.UNVERIFIED,
    text: "Ukraine's goal is to raise the number of Russian soldiers killed to 50,000 per month.",
    excerpt: 'referring to the goal of raising the number of Russian soldiers killed to 50,000 per month.',
    topics: [losses, strategy],
    quantities: [{ value: 50000, approximate: false, period: QuantityPeriod.MONTH, kind: QuantityKind.TARGET }],
  },
  {
    speaker: SEED_IDS.fedorov, event: SEED_IDS.fedorovRemarks, ...fedorovWeek, mode: StatementMode.PARAPHRASE, status: VerificationStatus.UNVERIFIED,
    text: 'Ukraine currently records about 35,000 Russian soldiers killed each month, evidenced by combat videos collected from the battlefield.',
    excerpt: 'Mr. Fedorov said that Ukraine currently records about 35,000 Russian soldiers killed each month, evidenced by combat videos collected from the battlefield.',
    topics: [losses],
    quantities: [{ value: 35000, approximate: true, period: QuantityPeriod.MONTH, kind: QuantityKind.ESTIMATE }],
  },
  {
    speaker: SEED_IDS.rutte, event: SEED_IDS.rutteBrussels, ...rutteDay, mode: StatementMode.PARAPHRASE, status: VerificationStatus.UNVERIFIED,
    text: 'About 20,000 to 25,000 Russian soldiers are killed each month.',
    excerpt: 'saying that about 20,000 - 25,000 Russian soldiers are killed each month.',
    topics: [losses],
    quantities: [{ lower: 20000, upper: 25000, approximate: true, period: QuantityPeriod.MONTH, kind: QuantityKind.ESTIMATE }],
  },
  {
    speaker: SEED_IDS.rutte, event: SEED_IDS.rutteBrussels, ...rutteDay, mode: StatementMode.PARAPHRASE, status: VerificationStatus.UNVERIFIED,
    text: 'This casualty rate has become "unsustainable" for Russia.',
    excerpt: 'Mr. Rutte said that this casualty rate has become "unsustainable" for Russia',
    topics: [losses], quantities: [],
  },
  {
    speaker: SEED_IDS.rutte, event: SEED_IDS.rutteBrussels, ...rutteDay, mode: StatementMode.PARAPHRASE, status: VerificationStatus.UNVERIFIED,
    text: 'About 15,000 Soviet soldiers were killed in 9 years of the war in Afghanistan that began in 1979.',
    excerpt: "compared to the Soviet Union's losses in the war in Afghanistan in 1979, when it was estimated that about 15,000 Soviet soldiers were killed in 9 years.",
    topics: [losses, afghanistan],
    quantities: [{ value: 15000, approximate: true, period: QuantityPeriod.TOTAL, span_length: 9, span_unit: TimeUnit.YEAR, kind: QuantityKind.HISTORICAL }],
  },
  {
    speaker: SEED_IDS.syrskyi, event: SEED_IDS.syrskyiDecember, stated_on: '2025-12-01', stated_precision: DatePrecision.MONTH, mode: StatementMode.PARAPHRASE, status: VerificationStatus.UNVERIFIED,
    text: 'For the first time, Russian casualties in a month exceeded the number of troops the Kremlin enlisted in that month.',
    excerpt: 'Oleksandr Syrskyi said that his forces, for the first time, caused more casualties to Russian soldiers in a month than the number of troops that the Kremlin called enlisted in the same period.',
    topics: [losses, recruitment], quantities: [],
  },
];

export const seedRelations = [
  {
    id: seedId(8, 1), from_id: SEED_IDS.statement(4), to_id: SEED_IDS.statement(5), type: RelationType.CONTRADICTS,
    note: 'Different monthly figures for the same measure: about 35,000 (Fedorov) against 20,000 to 25,000 (Rutte).',
  },
  {
    id: seedId(8, 2), from_id: SEED_IDS.statement(7), to_id: SEED_IDS.statement(5), type: RelationType.COMPARES_WITH,
    note: "Rutte sets today's monthly toll beside Soviet losses in Afghanistan (about 139 a month).",
  },
];
