import { useState } from 'react';
import { Link } from 'react-router-dom';
import { listArtefacts, type Artefact } from '../api';
import { useAuth } from '../auth';
import {
  listConsultations,
  type Consultation,
  type ConsultationState,
} from '../consultations/consultationsApi';
import { CreateConsultationForm } from '../consultations/CreateConsultationForm';
import { WindowControls, WindowHistory } from '../consultations/WindowControls';
import { formatDateTime } from '../format';
import { useApi } from '../useApi';

const SECTIONS: [ConsultationState, string][] = [
  ['open', 'Open'],
  ['upcoming', 'Upcoming'],
  ['closed', 'Closed'],
];
const EDITORS = ['programme', 'admin'];

export function ConsultationsPage() {
  const { state } = useAuth();
  const canCreate = state.status === 'signed-in' && EDITORS.includes(state.user.role);
  const [version, setVersion] = useState(0);
  const [created, setCreated] = useState<string | null>(null);
  const [changed, setChanged] = useState<string | null>(null);
  const consultations = useApi((signal) => listConsultations({}, signal), [version]);
  const artefacts = useApi((signal) => listArtefacts({}, signal), []);
  const byId = new Map((artefacts.data ?? []).map((a) => [a.id, a]));

  return (
    <>
      <title>Consultations · M6 Review</title>
      <h1>Consultations</h1>
      <p className="muted">
        Participants can comment on an artefact while a consultation covering it is open.
      </p>
      {created && (
        <p className="notice" role="status">
          Consultation “{created}” created.
        </p>
      )}
      {changed && (
        <p className="notice" role="status">
          {changed}
        </p>
      )}
      {consultations.error && (
        <p className="error" role="alert">
          {consultations.error.message}
        </p>
      )}
      {consultations.loading && !consultations.data && <p role="status">Loading…</p>}
      {consultations.data &&
        SECTIONS.map(([value, label]) => (
          <ConsultationTable
            key={value}
            label={label}
            rows={consultations.data?.filter((c) => c.state === value) ?? []}
            artefacts={byId}
            onChanged={
              canCreate
                ? (c) => {
                    setChanged(
                      `Consultation “${c.title}” now closes ${formatDateTime(c.closesAt)}.`,
                    );
                    setVersion((n) => n + 1);
                  }
                : undefined
            }
          />
        ))}
      {canCreate && artefacts.data && (
        <CreateConsultationForm
          artefacts={artefacts.data}
          onCreated={(c) => {
            setCreated(c.title);
            setVersion((n) => n + 1);
          }}
        />
      )}
    </>
  );
}

interface TableProps {
  label: string;
  rows: Consultation[];
  artefacts: Map<string, Artefact>;
  /** Given to programme users, who may close, extend and reopen. */
  onChanged?: (consultation: Consultation) => void;
}

function ConsultationTable({ label, rows, artefacts, onChanged }: TableProps) {
  const headingId = `consultations-${label.toLowerCase()}`;
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>
        {label} <span className="muted">({rows.length})</span>
      </h2>
      {rows.length === 0 ? (
        <p className="muted">None.</p>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">Title</th>
                <th scope="col">Opens</th>
                <th scope="col">Closes</th>
                <th scope="col">Artefacts</th>
                <th scope="col">Changes</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((c) => (
                <tr key={c.id}>
                  <td>{c.title}</td>
                  <td className="nowrap">{formatDateTime(c.opensAt)}</td>
                  <td className="nowrap">{formatDateTime(c.closesAt)}</td>
                  <td>
                    <ul className="inline-list">
                      {c.artefactIds.map((id) => {
                        const a = artefacts.get(id);
                        return (
                          <li key={id}>
                            {a ? (
                              <Link to={`/artefacts/${encodeURIComponent(a.slug)}`}>
                                {a.reference}
                              </Link>
                            ) : (
                              id
                            )}
                          </li>
                        );
                      })}
                    </ul>
                  </td>
                  <td>
                    <WindowHistory history={c.history} />
                    {onChanged && <WindowControls consultation={c} onChanged={onChanged} />}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
