import { CODES } from './format';

// The controls of a `.filters` bar: a labelled drop-down whose first option means "no filter",
// and a search box over references and titles.

export interface Choice {
  value: string;
  label: string;
}

/** One choice a value, labelled with the value itself unless `label` says otherwise. */
export const choices = <T extends string>(
  values: readonly T[],
  label: (value: T) => string = (value) => value,
): Choice[] => values.map((value) => ({ value, label: label(value) }));

export const CODE_CHOICES = choices(CODES);

const NO_FILTER: Choice = { value: '', label: 'All' };

interface FilterSelectProps {
  id: string;
  label: string;
  value: string;
  options: readonly Choice[];
  onChange(value: string): void;
  /** The first option, meaning "no filter": "All" with the value '' unless said otherwise; null for none. */
  all?: Choice | null;
  className?: string;
}

export function FilterSelect({
  id,
  label,
  value,
  options,
  onChange,
  all = NO_FILTER,
  className,
}: FilterSelectProps) {
  return (
    <div className={className ? `field ${className}` : 'field'}>
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        {all && <option value={all.value}>{all.label}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

interface ArtefactFilterProps {
  id: string;
  value: string;
  artefacts: readonly { id: string; reference: string; title: string }[] | undefined;
  onChange(value: string): void;
}

/** The "Artefact" filter every register page has: one option per artefact, or all of them. */
export function ArtefactFilter({ id, value, artefacts, onChange }: ArtefactFilterProps) {
  return (
    <FilterSelect
      id={id}
      label="Artefact"
      className="artefact-filter"
      value={value}
      options={(artefacts ?? []).map((a) => ({
        value: a.id,
        label: `${a.reference} — ${a.title}`,
      }))}
      all={{ value: '', label: 'All artefacts' }}
      onChange={onChange}
    />
  );
}

interface FilterSearchProps {
  id: string;
  label: string;
  value: string;
  onChange(value: string): void;
}

export function FilterSearch({ id, label, value, onChange }: FilterSearchProps) {
  return (
    <div className="field field-grow">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="search"
        placeholder="Reference or title"
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
    </div>
  );
}
