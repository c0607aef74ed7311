/** The playground's opening tabs: the five questions of the brief, search, comparison and a write. */
export interface ExampleTab {
  query: string;
  variables?: string;
  headers?: string;
}

const RUTTE = 'U3BlYWtlcjo1ZWVkMDAwMC0wMDAwLTQwMDAtODAwMC0wMDAwMDEwMDAwMDI=';
const RUTTE_ESTIMATE = 'U3RhdGVtZW50OjVlZWQwMDAwLTAwMDAtNDAwMC04MDAwLTAwMDAwNjAwMDAwNQ==';
const FEDOROV_ESTIMATE = 'U3RhdGVtZW50OjVlZWQwMDAwLTAwMDAtNDAwMC04MDAwLTAwMDAwNjAwMDAwNA==';

export const EXAMPLES: ExampleTab[] = [
  {
    query: `# 1. A speaker's statements, the events where they were made,
#    what else was said there, and by whom.
query SpeakerEventsAndCospeakers($speaker: ID!) {
  speaker(id: $speaker) {
    name
    statements(first: 5) {
      nodes {
        text
        stated { label }
        event {
          title
          date { label }
          statements(first: 10) { nodes { text speaker { name } } }
        }
      }
    }
  }
}`,
    variables: JSON.stringify({ speaker: RUTTE }, null, 2),
  },
  {
    query: `# 2. Where a claim was reported, and what else each source carries.
query SourcesOfAClaim($statement: ID!) {
  statement(id: $statement) {
    text
    appearances {
      nodes {
        excerpt
        source { title url statements(first: 10) { totalCount nodes { text speaker { name } } } }
      }
    }
  }
}`,
    variables: JSON.stringify({ statement: RUTTE_ESTIMATE }, null, 2),
  },
  {
    query: `# 3. Every figure on a measure, per month, with the speaker and the role held that day.
query FiguresPerMonth {
  measure(slug: "russian-military-deaths") {
    label
    quantities(first: 10) {
      nodes {
        kind
        rate(per: MONTH) { lower value upper }
        statement { stated { label } speaker { name } speakerRole { title organization { name } } }
      }
    }
  }
}`,
  },
  {
    query: `# 4. A claim's relations, the statements at the other end, and their fact-checks.
query RelationsAndReviews($statement: ID!) {
  statement(id: $statement) {
    text
    related {
      edges {
        direction
        relation { type note }
        node { text speaker { name } reviews { totalCount nodes { ratingText reviewer { name } } } }
      }
    }
  }
}`,
    variables: JSON.stringify({ statement: FEDOROV_ESTIMATE }, null, 2),
  },
  {
    query: `# 5. Full-text search, filtered by date, speaker, organization, topic or status.
query SearchClaims {
  searchStatements(query: "soldiers killed -afghanistan", filter: { statedFrom: "2026-01-01", status: [UNVERIFIED] }) {
    totalCount
    edges {
      rank
      snippet { field text highlights { start end } }
      node { text speaker { name } stated { label } }
    }
  }
}`,
  },
  {
    query: `# Compare figures across speakers: one period, spread per kind.
query CompareMonthlyDeaths {
  compareFigures(measure: "russian-military-deaths", per: MONTH) {
    spreads { kind count lowest highest ratio lowestFigure { speaker { name } } highestFigure { speaker { name } } }
    figures { nodes { kind rate { lower value upper } speaker { name } speakerRole { title } stated { label } } }
  }
}`,
  },
  {
    query: `# A write: needs an EDITOR key (npm run keys -- create --role editor --name you),
# sent in the Headers tab below.
mutation RecordAClaim($input: RecordStatementInput!) {
  recordStatement(input: $input, idempotencyKey: "playground-example-1") {
    replayed
    speakerCreated
    speakerMatch { score matchedName }
    statement { id text speaker { name } stated { label } }
  }
}`,
    variables: JSON.stringify(
      {
        input: {
          text: 'Russia loses about 20,000 to 25,000 soldiers a month.',
          mode: 'PARAPHRASE',
          speaker: { name: 'Mark Rute' },
          stated: { date: '2026-02-03', precision: 'DAY' },
          quantities: [{ measure: 'russian-military-deaths', lower: 20000, upper: 25000, approximate: true, unit: 'soldiers killed', period: 'MONTH' }],
        },
      },
      null,
      2,
    ),
    headers: JSON.stringify({ Authorization: 'Bearer cg_your_editor_key' }, null, 2),
  },
];
