import { useMemo, type ReactNode } from 'react';

type Block =
  | { kind: 'html'; html: string }
  | { kind: 'clause'; ref: string; id: string; className: string; html: string };

/**
 * Splits the server's sanitised version HTML into its clause sections and whatever lies between
 * them. Each section is then rendered by React, so the comment tools beside a clause are ordinary
 * React children rather than nodes patched into HTML React does not own.
 */
function splitClauses(html: string): Block[] {
  // DOMParser documents are inert: nothing in them runs or loads.
  const body = new DOMParser().parseFromString(html, 'text/html').body;
  const blocks: Block[] = [];
  let pending = '';
  const flush = () => {
    if (pending.trim()) blocks.push({ kind: 'html', html: pending });
    pending = '';
  };
  for (const node of [...body.childNodes]) {
    if (node instanceof HTMLElement && node.matches('section.clause[data-ref]')) {
      flush();
      blocks.push({
        kind: 'clause',
        ref: node.dataset.ref ?? '',
        id: node.id,
        className: node.className,
        html: node.innerHTML,
      });
    } else if (node instanceof Element) {
      pending += node.outerHTML;
    } else if (node.textContent?.trim()) {
      const holder = document.createElement('span');
      holder.textContent = node.textContent;
      pending += holder.innerHTML;
    }
  }
  flush();
  return blocks;
}

interface Props {
  html: string;
  /** The comment tools shown with each clause. */
  renderTools(ref: string): ReactNode;
}

export function ClauseDocument({ html, renderTools }: Props) {
  const blocks = useMemo(() => splitClauses(html), [html]);
  return (
    <>
      {blocks.map((block, i) =>
        block.kind === 'html' ? (
          // The server sanitises this HTML before sending it.
          <div key={i} dangerouslySetInnerHTML={{ __html: block.html }} />
        ) : (
          <section key={i} id={block.id} className={block.className} data-ref={block.ref}>
            {/* The server sanitises this HTML before sending it. */}
            <div className="clause-text" dangerouslySetInnerHTML={{ __html: block.html }} />
            {renderTools(block.ref)}
          </section>
        ),
      )}
    </>
  );
}
