/**
 * JSON Schema of one line of the JSON Lines interchange format (docs/import-export.md):
 * a statement with its speaker (and the speaker's roles), event, appearances with their
 * sources, figures with their measures, topics, relations and reviews. Ids are optional
 * on import; export always writes them.
 */
const uuid = { type: ['string', 'null'], pattern: '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$' };
const day = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' };
const optionalDay = { type: ['string', 'null'], pattern: '^\\d{4}-\\d{2}-\\d{2}$' };
const text = (maxLength: number) => ({ type: 'string', minLength: 1, maxLength, pattern: '\\S' });
const optionalText = (maxLength: number) => ({ type: ['string', 'null'], maxLength });
const number = { type: ['number', 'null'] };
const enumOf = (...values: string[]) => ({ type: 'string', enum: values });
const slug = { type: 'string', pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', maxLength: 100 };
const language = { type: ['string', 'null'], pattern: '^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$' };

const partialDate = {
  type: 'object',
  required: ['date', 'precision'],
  additionalProperties: false,
  properties: { date: day, precision: enumOf('DAY', 'WEEK', 'MONTH', 'YEAR') },
};

const speakerProperties = {
  id: uuid,
  kind: enumOf('PERSON', 'ORGANIZATION'),
  name: text(300),
  aliases: { type: 'array', maxItems: 20, items: text(300) },
  description: optionalText(2000),
  wikidataId: { type: ['string', 'null'], pattern: '^Q[1-9][0-9]*$' },
};

export const STATEMENT_LINE_SCHEMA = {
  $id: 'https://claimgraph.example/schema/statement-line.json',
  type: 'object',
  required: ['text', 'mode', 'stated', 'speaker'],
  additionalProperties: false,
  $defs: {
    organization: {
      type: 'object',
      required: ['name'],
      additionalProperties: false,
      properties: { ...speakerProperties, kind: enumOf('ORGANIZATION') },
    },
  },
  properties: {
    id: uuid,
    text: text(10000),
    mode: enumOf('DIRECT_QUOTE', 'PARAPHRASE'),
    status: enumOf('UNVERIFIED', 'UNVERIFIABLE', 'DISPUTED', 'CORROBORATED', 'CONFIRMED', 'RETRACTED'),
    language,
    stated: partialDate,
    speaker: {
      type: 'object',
      required: ['name'],
      additionalProperties: false,
      properties: {
        ...speakerProperties,
        roles: {
          type: 'array',
          maxItems: 100,
          items: {
            type: 'object',
            required: ['title', 'organization'],
            additionalProperties: false,
            properties: { id: uuid, title: text(300), startedOn: optionalDay, endedOn: optionalDay, organization: { $ref: '#/$defs/organization' } },
          },
        },
      },
    },
    event: {
      type: ['object', 'null'],
      required: ['title', 'date'],
      additionalProperties: false,
      properties: {
        id: uuid,
        kind: enumOf('PRESS_BRIEFING', 'SPEECH', 'INTERVIEW', 'PRESS_RELEASE', 'REPORT', 'MEETING', 'SOCIAL_MEDIA_POST', 'OTHER'),
        title: text(500),
        date: partialDate,
        place: optionalText(200),
        countryCode: { type: ['string', 'null'], pattern: '^[A-Z]{2}$' },
        description: optionalText(2000),
      },
    },
    appearances: {
      type: 'array',
      maxItems: 100,
      items: {
        type: 'object',
        required: ['excerpt', 'source'],
        additionalProperties: false,
        properties: {
          id: uuid,
          excerpt: { type: 'string', minLength: 1, maxLength: 20000 },
          startOffset: { type: ['integer', 'null'], minimum: 0 },
          endOffset: { type: ['integer', 'null'], minimum: 1 },
          source: {
            type: 'object',
            required: ['url', 'title'],
            additionalProperties: false,
            properties: {
              id: uuid, url: { type: 'string', pattern: '^https?://', maxLength: 2000 }, title: text(1000), publisher: optionalText(300),
              published: { oneOf: [{ type: 'null' }, partialDate] }, language,
            },
          },
        },
      },
    },
    quantities: {
      type: 'array',
      maxItems: 20,
      items: {
        type: 'object',
        required: ['unit', 'period', 'measure'],
        additionalProperties: false,
        properties: {
          id: uuid,
          position: { type: 'integer', minimum: 1, maximum: 20 },
          value: number, lower: number, upper: number,
          approximate: { type: 'boolean' },
          unit: text(100),
          period: enumOf('DAY', 'WEEK', 'MONTH', 'YEAR', 'TOTAL'),
          spanLength: { type: ['number', 'null'], exclusiveMinimum: 0 },
          spanUnit: { type: ['string', 'null'], enum: ['DAY', 'WEEK', 'MONTH', 'YEAR', null] },
          kind: enumOf('ESTIMATE', 'TARGET', 'HISTORICAL', 'PROJECTION'),
          measure: {
            type: 'object',
            required: ['slug'],
            additionalProperties: false,
            properties: { id: uuid, slug, label: text(300), unit: text(100), description: optionalText(2000) },
          },
        },
      },
    },
    topics: {
      type: 'array',
      maxItems: 50,
      items: {
        type: 'object',
        required: ['slug'],
        additionalProperties: false,
        properties: { id: uuid, slug, label: text(300), description: optionalText(2000) },
      },
    },
    relations: {
      type: 'array',
      maxItems: 100,
      items: {
        type: 'object',
        required: ['to', 'type'],
        additionalProperties: false,
        properties: {
          id: uuid, to: { ...uuid, type: 'string' },
          type: enumOf('CONTRADICTS', 'SUPPORTS', 'COMPARES_WITH', 'REVISES', 'RESPONDS_TO'),
          note: optionalText(2000),
        },
      },
    },
    reviews: {
      type: 'array',
      maxItems: 100,
      items: {
        type: 'object',
        required: ['ratingText', 'reviewedOn', 'reviewer'],
        additionalProperties: false,
        properties: {
          id: uuid, ratingText: text(300), ratingValue: number, bestRating: number, worstRating: number,
          summary: optionalText(10000), url: { type: ['string', 'null'], pattern: '^https?://', maxLength: 2000 }, reviewedOn: day,
          reviewer: { $ref: '#/$defs/organization' },
        },
      },
    },
  },
} as const;

/** A line as the schema admits it. */
export interface SpeakerLine {
  id?: string | null;
  kind?: 'PERSON' | 'ORGANIZATION';
  name: string;
  aliases?: string[];
  description?: string | null;
  wikidataId?: string | null;
  roles?: Array<{ id?: string | null; title: string; startedOn?: string | null; endedOn?: string | null; organization: SpeakerLine }>;
}

export interface PartialDateLine {
  date: string;
  precision: 'DAY' | 'WEEK' | 'MONTH' | 'YEAR';
}

export interface StatementLine {
  id?: string | null;
  text: string;
  mode: string;
  status?: string;
  language?: string | null;
  stated: PartialDateLine;
  speaker: SpeakerLine;
  event?: { id?: string | null; kind?: string; title: string; date: PartialDateLine; place?: string | null; countryCode?: string | null; description?: string | null } | null;
  appearances?: Array<{
    id?: string | null; excerpt: string; startOffset?: number | null; endOffset?: number | null;
    source: { id?: string | null; url: string; title: string; publisher?: string | null; published?: PartialDateLine | null; language?: string | null };
  }>;
  quantities?: Array<{
    id?: string | null; position?: number; value?: number | null; lower?: number | null; upper?: number | null; approximate?: boolean;
    unit: string; period: string; spanLength?: number | null; spanUnit?: string | null; kind?: string;
    measure: { id?: string | null; slug: string; label?: string; unit?: string; description?: string | null };
  }>;
  topics?: Array<{ id?: string | null; slug: string; label?: string; description?: string | null }>;
  relations?: Array<{ id?: string | null; to: string; type: string; note?: string | null }>;
  reviews?: Array<{
    id?: string | null; ratingText: string; ratingValue?: number | null; bestRating?: number | null; worstRating?: number | null;
    summary?: string | null; url?: string | null; reviewedOn: string; reviewer: SpeakerLine;
  }>;
}
