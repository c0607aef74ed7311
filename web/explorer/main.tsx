import { useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { request } from './api';
import { FigureChart, KIND_COLOURS, type Figure } from './figure-chart';
import {
  ExplorerComparisonDocument,
  ExplorerMeasuresDocument,
  ExplorerStatementDocument,
  type ExplorerComparisonQuery,
  type ExplorerMeasuresQuery,
  type ExplorerStatementQuery,
  type TimeUnit,
} from './generated/graphql';

type Measure = ExplorerMeasuresQuery['measures']['nodes'][number];
type Comparison = NonNullable<ExplorerComparisonQuery['compareFigures']>;
type StatementDetail = NonNullable<ExplorerStatementQuery['statement']>;

const PERIODS: TimeUnit[] = ['DAY', 'WEEK', 'MONTH', 'YEAR'];

/** The statement behind a figure, its event, and what else was said there. */
function StatementPanel({ statement }: { statement: StatementDetail }) {
  const others = statement.event?.statements.nodes.filter((other) => other.id !== statement.id) ?? [];
  return (
    <section data-testid="statement-panel" style={{ borderTop: '1px solid #d0d7de', marginTop: 16, paddingTop: 8 }}>
      <h2 style={{ fontSize: 16 }}>{statement.speaker.name}, {statement.stated.label}</h2>
      <blockquote data-testid="statement-text" style={{ margin: 0, padding: '4px 12px', borderLeft: '3px solid #d0d7de' }}>
        {statement.text}
      </blockquote>
      <p style={{ color: '#57606a' }}>
        {statement.mode === 'DIRECT_QUOTE' ? 'Direct quote' : 'Paraphrase'} · {statement.status.toLowerCase()}
        {statement.appearances.nodes.map((appearance) => (
          <span key={appearance.source.url}>
            {' · '}
            <a href={appearance.source.url}>{appearance.source.title}</a>
          </span>
        ))}
      </p>
      {statement.event && (
        <div data-testid="event">
          <h3 style={{ fontSize: 14 }}>
            Event: {statement.event.title} ({statement.event.date.label}
            {statement.event.place ? `, ${statement.event.place}` : ''})
          </h3>
          <p>{others.length ? 'Also said there:' : 'Nothing else recorded from this event.'}</p>
          <ul data-testid="event-statements">
            {others.map((other) => (
              <li key={other.id}>
                <strong>{other.speaker.name}:</strong> {other.text}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}

function Explorer() {
  const [measures, setMeasures] = useState<Measure[]>([]);
  const [measure, setMeasure] = useState<string | null>(null);
  const [per, setPer] = useState<TimeUnit>('MONTH');
  const [comparison, setComparison] = useState<Comparison | null>(null);
  const [selected, setSelected] = useState<Figure | null>(null);
  const [statement, setStatement] = useState<StatementDetail | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    request(ExplorerMeasuresDocument, {}).then((data) => {
      setMeasures(data.measures.nodes);
      setMeasure(data.measures.nodes[0]?.slug ?? null);
    }, (failure: Error) => setError(failure.message));
  }, []);

  useEffect(() => {
    if (!measure) return;
    setSelected(null);
    setStatement(null);
    request(ExplorerComparisonDocument, { measure, per }).then((data) => setComparison(data.compareFigures ?? null), (failure: Error) => setError(failure.message));
  }, [measure, per]);

  useEffect(() => {
    if (!selected) return;
    request(ExplorerStatementDocument, { id: selected.statement.id }).then((data) => setStatement(data.statement ?? null), (failure: Error) => setError(failure.message));
  }, [selected]);

  return (
    <main style={{ fontFamily: 'system-ui, sans-serif', margin: 24, maxWidth: 940 }}>
      <h1 style={{ fontSize: 22 }}>Claimgraph: compare figures</h1>
      <label>
        Measure{' '}
        <select data-testid="measure" value={measure ?? ''} onChange={(event) => setMeasure(event.target.value)}>
          {measures.map((option) => (
            <option key={option.id} value={option.slug}>
              {option.label}
            </option>
          ))}
        </select>
      </label>{' '}
      <label>
        per{' '}
        <select data-testid="period" value={per} onChange={(event) => setPer(event.target.value as TimeUnit)}>
          {PERIODS.map((period) => (
            <option key={period} value={period}>
              {period.toLowerCase()}
            </option>
          ))}
        </select>
      </label>
      {error && <p role="alert" style={{ color: '#cf222e' }}>{error}</p>}
      {comparison && (
        <>
          <p data-testid="legend">
            {Object.entries(KIND_COLOURS).map(([kind, colour]) => (
              <span key={kind} style={{ marginRight: 16 }}>
                <span style={{ display: 'inline-block', width: 10, height: 10, borderRadius: 5, background: colour, marginRight: 4 }} />
                {kind.toLowerCase()}
              </span>
            ))}
          </p>
          <FigureChart figures={comparison.figures.nodes} unit={comparison.measure.unit} selected={selected?.quantity.id ?? null} onSelect={setSelected} />
          <table data-testid="spreads" cellPadding={4} style={{ borderCollapse: 'collapse', marginTop: 8 }}>
            <thead>
              <tr>
                <th align="left">kind</th><th align="right">figures</th><th align="right">lowest</th><th align="right">highest</th><th align="right">highest / lowest</th>
              </tr>
            </thead>
            <tbody>
              {comparison.spreads.map((spread) => (
                <tr key={spread.kind} data-testid="spread" data-kind={spread.kind}>
                  <td>{spread.kind.toLowerCase()}</td>
                  <td align="right">{spread.count}</td>
                  <td align="right">{spread.lowest.toLocaleString('en', { maximumFractionDigits: 1 })}</td>
                  <td align="right">{spread.highest.toLocaleString('en', { maximumFractionDigits: 1 })}</td>
                  <td align="right">{spread.ratio == null ? '—' : spread.ratio.toFixed(2)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      {statement && <StatementPanel statement={statement} />}
    </main>
  );
}

createRoot(document.getElementById('explorer')!).render(<Explorer />);
