import type { ExplorerComparisonQuery } from './generated/graphql';

export type Figure = NonNullable<ExplorerComparisonQuery['compareFigures']>['figures']['nodes'][number];

/** Colours per kind: estimates and targets are never drawn alike. */
export const KIND_COLOURS: Record<Figure['kind'], string> = {
  ESTIMATE: '#1f6feb',
  TARGET: '#d9480f',
  HISTORICAL: '#6e7781',
  PROJECTION: '#8250df',
};

const ROW = 34;
const LABEL = 260;
const WIDTH = 900;

const format = (value: number) => value.toLocaleString('en', { maximumFractionDigits: value < 10 ? 2 : 0 });

/**
 * One row per figure: its range as a bar from lower to upper bound on a common scale,
 * its central value as a dot. Clicking a row selects the figure.
 */
export function FigureChart(props: { figures: Figure[]; unit: string; selected: string | null; onSelect: (figure: Figure) => void }) {
  const { figures } = props;
  const max = Math.max(1, ...figures.map((figure) => figure.rate.upper ?? figure.rate.value ?? 0));
  // Room on the right for the label of the largest figure.
  const x = (value: number) => LABEL + ((WIDTH - LABEL - 130) * value) / max;
  const height = figures.length * ROW + 30;
  return (
    <svg width={WIDTH} height={height} role="img" aria-label={`Figures per period in ${props.unit}`} data-testid="figure-chart">
      {[0, 0.25, 0.5, 0.75, 1].map((share) => (
        <g key={share}>
          <line x1={x(max * share)} x2={x(max * share)} y1={0} y2={height - 24} stroke="#d0d7de" />
          <text x={x(max * share)} y={height - 8} fontSize={11} textAnchor="middle" fill="#57606a">
            {format(max * share)}
          </text>
        </g>
      ))}
      {figures.map((figure, index) => {
        const y = index * ROW + 6;
        const { lower, value, upper } = figure.rate;
        const colour = KIND_COLOURS[figure.kind];
        const isSelected = props.selected === figure.quantity.id;
        return (
          <g key={figure.quantity.id} data-testid="figure-row" data-speaker={figure.speaker.name} data-kind={figure.kind} onClick={() => props.onSelect(figure)} style={{ cursor: 'pointer' }}>
            <rect x={0} y={y - 4} width={WIDTH} height={ROW - 4} fill={isSelected ? '#fff8c5' : 'transparent'} />
            <text x={8} y={y + 14} fontSize={13} fill="#24292f">
              {figure.speaker.name} · {figure.kind.toLowerCase()} · {figure.stated.label}
            </text>
            {lower != null && upper != null && upper > lower && <rect x={x(lower)} y={y + 4} width={Math.max(2, x(upper) - x(lower))} height={14} rx={3} fill={colour} opacity={0.35} />}
            {value != null && <circle cx={x(value)} cy={y + 11} r={6} fill={colour} />}
            {value != null && (
              <text x={x(value) + 10} y={y + 15} fontSize={11} fill="#24292f">
                {figure.quantity.approximate ? '~' : ''}
                {lower != null && upper != null && upper > lower ? `${format(lower)}–${format(upper)}` : format(value)}
              </text>
            )}
          </g>
        );
      })}
    </svg>
  );
}
