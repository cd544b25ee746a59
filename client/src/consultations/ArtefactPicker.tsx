import { useState } from 'react';
import type { Artefact } from '../api';
import { CODE_CHOICES, FilterSearch, FilterSelect } from '../Filters';

interface Props {
  artefacts: Artefact[];
  selected: ReadonlySet<string>;
  onChange(selected: Set<string>): void;
  invalid?: boolean;
  describedBy?: string;
  /** Prefixes the controls' ids, for pages that show more than one picker. */
  idPrefix?: string;
}

/** Checkboxes over the registry, narrowed by code and a text filter. */
export function ArtefactPicker(props: Props) {
  const { artefacts, selected, onChange, invalid, describedBy, idPrefix = 'picker' } = props;
  const [code, setCode] = useState('');
  const [text, setText] = useState('');
  const needle = text.trim().toLowerCase();
  const shown = artefacts.filter(
    (a) =>
      (!code || a.code === code) &&
      (!needle || `${a.reference} ${a.title}`.toLowerCase().includes(needle)),
  );

  const toggle = (id: string, on: boolean) => {
    const next = new Set(selected);
    if (on) next.add(id);
    else next.delete(id);
    onChange(next);
  };
  const setShown = (on: boolean) => {
    const next = new Set(selected);
    for (const a of shown) {
      if (on) next.add(a.id);
      else next.delete(a.id);
    }
    onChange(next);
  };

  return (
    <fieldset className="artefact-picker" aria-invalid={invalid} aria-describedby={describedBy}>
      <legend>Artefacts ({selected.size} selected)</legend>
      <div className="filters">
        <FilterSelect
          id={`${idPrefix}-code`}
          label="Code"
          value={code}
          options={CODE_CHOICES}
          onChange={setCode}
        />
        <FilterSearch id={`${idPrefix}-text`} label="Filter" value={text} onChange={setText} />
        <button type="button" className="secondary" onClick={() => setShown(true)}>
          Select all shown
        </button>
        <button type="button" className="secondary" onClick={() => setShown(false)}>
          Clear shown
        </button>
      </div>
      <ul className="picker-list">
        {shown.map((a) => (
          <li key={a.id} className="checkbox">
            <input
              id={`${idPrefix}-item-${a.id}`}
              type="checkbox"
              checked={selected.has(a.id)}
              onChange={(e) => toggle(a.id, e.target.checked)}
            />
            <label htmlFor={`${idPrefix}-item-${a.id}`}>
              <span className="clause-ref">{a.reference}</span> {a.title}{' '}
              <span className="muted">({a.code})</span>
            </label>
          </li>
        ))}
        {shown.length === 0 && <li className="muted">No artefacts match.</li>}
      </ul>
    </fieldset>
  );
}
