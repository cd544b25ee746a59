import type { Clause } from './api';

interface OutlineNode {
  clause: Clause;
  children: OutlineNode[];
}

function buildOutline(clauses: Clause[]): OutlineNode[] {
  const byRef = new Map<string, OutlineNode>();
  const roots: OutlineNode[] = [];
  for (const clause of clauses) byRef.set(clause.ref, { clause, children: [] });
  for (const node of byRef.values()) {
    const parent = node.clause.parentRef ? byRef.get(node.clause.parentRef) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  return roots;
}

function summary({ heading, text }: Clause): string {
  if (heading) return heading;
  return text.length > 60 ? `${text.slice(0, 57).trimEnd()}…` : text;
}

function OutlineList({ nodes }: { nodes: OutlineNode[] }) {
  return (
    <ol>
      {nodes.map(({ clause, children }) => (
        <li key={clause.anchor}>
          <a href={`#${clause.anchor}`}>
            <span className="clause-ref">{clause.ref}</span> {summary(clause)}
          </a>
          {children.length > 0 && <OutlineList nodes={children} />}
        </li>
      ))}
    </ol>
  );
}

export function ClauseOutline({ clauses }: { clauses: Clause[] }) {
  return (
    <nav className="outline" aria-labelledby="outline-heading">
      <h2 id="outline-heading">Contents</h2>
      {clauses.length > 0 ? (
        <OutlineList nodes={buildOutline(clauses)} />
      ) : (
        <p className="muted">This version has no numbered clauses.</p>
      )}
    </nav>
  );
}
