/**
 * A form's validation problems, announced as they appear (role="alert"); each field also carries
 * its own message through `aria-describedby`, and focus goes to the first invalid field.
 */
export function ErrorSummary({ problems }: { problems: (string | undefined)[] }) {
  const shown = problems.filter((p): p is string => Boolean(p));
  if (shown.length === 0) return null;
  return (
    <div className="error error-summary" role="alert">
      <p>{shown.length === 1 ? 'There is a problem:' : `There are ${shown.length} problems:`}</p>
      <ul>
        {shown.map((problem) => (
          <li key={problem}>{problem}</li>
        ))}
      </ul>
    </div>
  );
}
