import { useId } from 'react';
import { formatDate } from '../format';
import { peakOf, type OutstandingDay } from './outstandingSeries';

const WIDTH = 640;
const HEIGHT = 240;
const PAD = { top: 16, right: 16, bottom: 36, left: 44 };
const PLOT_W = WIDTH - PAD.left - PAD.right;
const PLOT_H = HEIGHT - PAD.top - PAD.bottom;

/** Round tick values: 0 and up to four steps to a "nice" maximum. */
function ticks(max: number): number[] {
  if (max <= 4) return Array.from({ length: Math.max(max, 1) + 1 }, (_, i) => i);
  const rough = max / 4;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= rough) ?? rough;
  return Array.from({ length: Math.ceil(max / step) + 1 }, (_, i) => i * step);
}

const shortDate = (day: string) => formatDate(`${day}T12:00:00Z`);

/** What the chart shows, in words: the end-of-day count now and the most at any one time. */
export function summary(series: OutstandingDay[]): string {
  const first = series[0];
  const last = series.at(-1);
  const peak = peakOf(series);
  if (!first || !last || !peak) return '';
  const span =
    first.day === last.day
      ? `On ${shortDate(first.day)}`
      : `From ${shortDate(first.day)} to ${shortDate(last.day)}`;
  return (
    `${span}: ${last.outstanding} outstanding now; ` +
    `the most outstanding at any one time was ${peak.peak}, on ${shortDate(peak.day)}.`
  );
}

/** Outstanding comments at the end of each day, as a line, with the numbers as text as well. */
export function OutstandingChart({ series }: { series: OutstandingDay[] }) {
  const id = useId();
  const yTicks = ticks(Math.max(...series.map((d) => d.peak), 0));
  const yMax = yTicks.at(-1) || 1;
  const x = (i: number) =>
    PAD.left + (series.length <= 1 ? PLOT_W / 2 : (i / (series.length - 1)) * PLOT_W);
  const y = (n: number) => PAD.top + PLOT_H - (n / yMax) * PLOT_H;
  const points = series.map((d, i) => `${x(i)},${y(d.outstanding)}`).join(' ');
  const peaks = series.map((d, i) => `${x(i)},${y(d.peak)}`).join(' ');
  const labelled = [...new Set([0, Math.floor((series.length - 1) / 2), series.length - 1])];

  return (
    <figure className="chart">
      <svg
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        width="100%"
        preserveAspectRatio="xMinYMin meet"
      >
        <title id={`${id}-title`}>Outstanding comments over time</title>
        <desc id={`${id}-desc`}>{summary(series)}</desc>
        {yTicks.map((t) => (
          <g key={t} className="chart-grid">
            <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(t)} y2={y(t)} />
            <text x={PAD.left - 6} y={y(t)} textAnchor="end" dominantBaseline="middle">
              {t}
            </text>
          </g>
        ))}
        {labelled.map((i) => {
          const d = series[i];
          if (!d) return null;
          const anchor = i === 0 ? 'start' : i === series.length - 1 ? 'end' : 'middle';
          return (
            <text key={i} x={x(i)} y={HEIGHT - 12} textAnchor={anchor} className="chart-axis">
              {shortDate(d.day)}
            </text>
          );
        })}
        <polyline points={peaks} className="chart-line chart-line-peak" />
        <polyline points={points} className="chart-line" />
        {series.length <= 60 &&
          series.map((d, i) => (
            <circle key={d.day} cx={x(i)} cy={y(d.outstanding)} r={3} className="chart-point">
              <title>{`${shortDate(d.day)}: ${d.outstanding} outstanding at the end of the day, at most ${d.peak}`}</title>
            </circle>
          ))}
      </svg>
      <figcaption>
        <span className="chart-key" aria-hidden="true">
          <span className="chart-key-line" /> at the end of the day{' '}
          <span className="chart-key-line chart-key-peak" /> the most at any one time that day
        </span>
        {summary(series)}
      </figcaption>
    </figure>
  );
}

/** The chart's numbers as a table, behind a toggle. */
export function OutstandingTable({ series }: { series: OutstandingDay[] }) {
  return (
    <details>
      <summary>Show the numbers</summary>
      <table className="compact">
        <caption className="visually-hidden">Outstanding comments by day</caption>
        <thead>
          <tr>
            <th scope="col">Day</th>
            <th scope="col" className="numeric">
              Outstanding at end of day
            </th>
            <th scope="col" className="numeric">
              Most at any one time
            </th>
            <th scope="col" className="numeric">
              Raised
            </th>
            <th scope="col" className="numeric">
              Decided or withdrawn
            </th>
          </tr>
        </thead>
        <tbody>
          {series.map((d) => (
            <tr key={d.day}>
              <td>{shortDate(d.day)}</td>
              <td className="numeric">{d.outstanding}</td>
              <td className="numeric">{d.peak}</td>
              <td className="numeric">{d.raised}</td>
              <td className="numeric">{d.closed}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
