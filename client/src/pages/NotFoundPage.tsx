import { Link } from 'react-router-dom';

export function NotFoundPage() {
  return (
    <div className="page-message">
      <title>Page not found · M6 Review</title>
      <h1>Page not found</h1>
      <p>There is nothing at this address.</p>
      <p>
        <Link to="/">Back to the registry</Link>
      </p>
    </div>
  );
}
