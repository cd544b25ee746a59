import { useId } from 'react';
import type { Brag } from '../api';
import { humanise } from '../format';
import { BRAG_ORDER, type CodeReadiness } from './readinessApi';

const BAR = 28;
const GAP = 18;
const LABEL = 64;
const WIDTH = 640;
const PLOT = WIDTH - LABEL - 16;

export const BRAG_FILL: Record<Brag, string> = {
  // Dark enough for white numbers on them (contrast of at least 4.5:1).
  blue: '#1d4ed8',
  green: '#15803d',
  amber: '#b45309',
  red: '#b91c1c',
};

const describe = (c: CodeReadiness) =>
  `${c.code}: ${BRAG_ORDER.map((b) => `${c.brag[b]} ${humanise(b)}`).join(', ')}`;

/**
 * One stacked bar per code, each the code's artefacts split by BRAG (as shares of that code, so
 * DCUSA's one artefact is as visible as the BSC's sixty). The counts are written on the bars, in
 * the SVG's description and in the table beside it.
 */
export function BragChart({ codes }: { codes: CodeReadiness[] }) {
  const id = useId();
  const height = codes.length * (BAR + GAP) + GAP + 24;
  return (
    <figure className="chart">
      <svg
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        viewBox={`0 0 ${WIDTH} ${height}`}
        width="100%"
        preserveAspectRatio="xMinYMin meet"
      >
        <title id={`${id}-title`}>BRAG ratings of artefacts by code</title>
        <desc id={`${id}-desc`}>{codes.map(describe).join('. ')}.</desc>
        {codes.map((c, row) => {
          const total = BRAG_ORDER.reduce((n, b) => n + c.brag[b], 0);
          const y = GAP + row * (BAR + GAP);
          let x = LABEL;
          return (
            <g key={c.code}>
              <text x={0} y={y + BAR / 2} dominantBaseline="middle" className="chart-label">
                {c.code}
              </text>
              {BRAG_ORDER.map((b) => {
                const w = total === 0 ? 0 : (c.brag[b] / total) * PLOT;
                const start = x;
                x += w;
                if (w === 0) return null;
                return (
                  <g key={b}>
                    <rect x={start} y={y} width={w} height={BAR} fill={BRAG_FILL[b]}>
                      <title>{`${c.code} ${humanise(b)}: ${c.brag[b]}`}</title>
                    </rect>
                    {w >= 22 && (
                      <text
                        x={start + w / 2}
                        y={y + BAR / 2}
                        textAnchor="middle"
                        dominantBaseline="middle"
                        className="chart-bar-value"
                      >
                        {c.brag[b]}
                      </text>
                    )}
                  </g>
                );
              })}
            </g>
          );
        })}
        <g transform={`translate(${LABEL}, ${height - 14})`} className="chart-legend">
          {BRAG_ORDER.map((b, i) => (
            <g key={b} transform={`translate(${i * 90}, 0)`}>
              <rect width={12} height={12} y={-10} fill={BRAG_FILL[b]} />
              <text x={16}>{humanise(b)}</text>
            </g>
          ))}
        </g>
      </svg>
    </figure>
  );
}
