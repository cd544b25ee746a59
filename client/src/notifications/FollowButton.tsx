import { useState } from 'react';
import { ApiError } from '../api';
import { useApi } from '../useApi';
import { getFollowing, setFollowing, type FollowEntity } from './notificationsApi';

interface Props {
  entity: FollowEntity;
  entityId: string;
  /** What is followed, for the button's accessible name, e.g. "BSCP701". */
  label: string;
}

/** A toggle: following an artefact brings its new versions; a comment, its decisions and replies. */
export function FollowButton({ entity, entityId, label }: Props) {
  const loaded = useApi((signal) => getFollowing(entity, entityId, signal), [entity, entityId]);
  const [changed, setChanged] = useState<boolean>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const following = changed ?? loaded.data;

  async function toggle() {
    setBusy(true);
    setError('');
    try {
      setChanged(await setFollowing(entity, entityId, !following));
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  }

  if (following === undefined) return null;
  return (
    <span className="follow">
      <button
        type="button"
        className={following ? 'secondary following' : 'secondary'}
        aria-pressed={following}
        disabled={busy}
        onClick={() => void toggle()}
      >
        {following ? 'Following' : 'Follow'}
        <span className="visually-hidden"> {label}</span>
      </button>
      {error && (
        <span className="error" role="alert">
          {error}
        </span>
      )}
    </span>
  );
}
