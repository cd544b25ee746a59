import { useMemo, type ReactNode } from 'react';
import { DefinedTermTips } from '../glossary/DefinedTermTips';
import { markDefinedTerms, type TermMatcher } from '../glossary/termMatcher';

/** A citation in a clause's text, and the clause it links to. */
export interface ClauseLink {
  text: string;
  href: string;
}

type Block =
  | { kind: 'html'; html: string }
  | { kind: 'clause'; ref: string; id: string; className: string; html: string };

/**
 * Splits the server's sanitised version HTML into its clause sections and whatever lies between
 * them. Each section is then rendered by React, so the comment tools beside a clause are ordinary
 * React children rather than nodes patched into HTML React does not own.
 */
/**
 * Turns each citation's words into a link, in the order they are written, so that "2.1.2" in
 * "paragraphs 2.1.1 and 2.1.2" links the second number and not an earlier one. Links are made as
 * DOM nodes, never as HTML text, and only to pages of this app.
 */
function linkCitations(section: HTMLElement, links: readonly ClauseLink[]): void {
  const doc = section.ownerDocument;
  const walker = doc.createTreeWalker(section, NodeFilter.SHOW_TEXT);
  let node = walker.nextNode() as Text | null;
  let offset = 0;
  for (const link of links) {
    if (!link.href.startsWith('/artefacts/')) continue;
    while (node) {
      const inside = node.parentElement?.closest('a, code, pre');
      const at = inside ? -1 : node.data.indexOf(link.text, offset);
      if (at < 0) {
        node = walker.nextNode() as Text | null;
        offset = 0;
        continue;
      }
      const rest = node.splitText(at);
      const after = rest.splitText(link.text.length);
      const anchor = doc.createElement('a');
      anchor.href = link.href;
      anchor.className = 'cross-reference';
      rest.replaceWith(anchor);
      anchor.append(rest);
      walker.currentNode = after;
      node = after;
      offset = 0;
      break;
    }
    if (!node) break;
  }
}

function splitClauses(
  html: string,
  links: ReadonlyMap<string, readonly ClauseLink[]> | undefined,
  terms: TermMatcher | null,
): Block[] {
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
      const clauseLinks = links?.get(node.dataset.ref ?? '');
      if (clauseLinks) linkCitations(node, clauseLinks);
      if (terms) markDefinedTerms(node, terms);
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
  /** Citations to link, by clause ref. */
  links?: ReadonlyMap<string, readonly ClauseLink[]>;
  /** Defined terms to mark, each showing its definition on hover or keyboard focus. */
  terms?: TermMatcher | null;
  /** The comment tools shown with each clause. */
  renderTools(ref: string): ReactNode;
}

export function ClauseDocument({ html, links, terms = null, renderTools }: Props) {
  const blocks = useMemo(() => splitClauses(html, links, terms), [html, links, terms]);
  return (
    <DefinedTermTips matcher={terms}>
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
    </DefinedTermTips>
  );
}
