// A search corpus shaped like the codes rather than like word salad: clauses written by a word
// chain learnt from the legal-text fixtures (Section S and BSCP502), so that terms occur as often,
// and next to the same words, as they do in real drafting: "Data Collector" in some clauses, "the"
// in most, "Unmetered" in few. Each artefact also has words of its own, as each code section does.
import { BSCP502_TEXT } from '../../test/fixtures/legalCorpus/bscp502.js';
import { SECTION_S_TEXT } from '../../test/fixtures/legalCorpus/sectionS.js';
import { random } from './legalText.js';

type Chain = Map<string, string[]>;

const START = '';

function learn(texts: string[]): Chain {
  const chain: Chain = new Map();
  const add = (from: string, to: string) => {
    const next = chain.get(from);
    if (next) next.push(to);
    else chain.set(from, [to]);
  };
  for (const text of texts) {
    const prose = text
      .split('\n')
      .map((line) => line.replace(/^\s*(?:[\d.]+|\([a-z]+\)|#+|\|.*)\s*/, '').trim())
      .filter((line) => line.split(' ').length > 3)
      .join(' ');
    for (const sentence of prose.split(/(?<=[.;:])\s+/)) {
      const words = sentence.split(/\s+/).filter(Boolean);
      let previous = START;
      for (const word of words) {
        add(previous, word);
        previous = word;
      }
    }
  }
  return chain;
}

const CHAIN = learn([SECTION_S_TEXT, BSCP502_TEXT]);

/** Words of one artefact's own subject, spliced into its clauses now and then. */
function ownWords(rand: () => number, count: number): string[] {
  const syllables = [
    'bal',
    'an',
    'cing',
    'me',
    'ter',
    'al',
    'lo',
    'ca',
    'tion',
    'reg',
    'is',
    'try',
  ];
  return Array.from({ length: count }, () => {
    let word = '';
    for (let i = 0; i < 3 + Math.floor(rand() * 2); i++)
      word += syllables[Math.floor(rand() * syllables.length)];
    return word.charAt(0).toUpperCase() + word.slice(1);
  });
}

function sentence(rand: () => number, own: string[]): string {
  const out: string[] = [];
  let word = START;
  for (let i = 0; i < 45; i++) {
    const next = CHAIN.get(word);
    if (!next) break;
    word = next[Math.floor(rand() * next.length)] ?? '';
    if (rand() < 0.02) out.push(own[Math.floor(rand() * own.length)] ?? 'Party');
    out.push(word);
    if (/[.;:]$/.test(word) && out.length > 8) break;
  }
  return out.join(' ').replace(/[;:,]$/, '.');
}

/** Where a clause cites Section S, as the REC and DCUSA cite the BSC. */
const cite = (rand: () => number) =>
  ` This is subject to BSC Section S paragraph ${1 + Math.floor(rand() * 40)}.${1 + Math.floor(rand() * 5)}.${1 + Math.floor(rand() * 8)}.`;

/**
 * A Markdown document of `clauses` numbered clauses in parts, sections and paragraphs; about one
 * paragraph in fifty cites a paragraph of BSC Section S.
 */
export function generateCodeSection(title: string, clauses: number, seed: number): string {
  const rand = random(seed);
  const own = ownWords(rand, 40);
  const lines = [title.toUpperCase(), ''];
  let made = 0;
  for (let top = 1; made < clauses; top++) {
    lines.push(`${top}. ${sentence(rand, own).split(' ').slice(0, 4).join(' ').toUpperCase()}`, '');
    made++;
    for (let sub = 1; sub <= 5 && made < clauses; sub++) {
      lines.push(`${top}.${sub} ${sentence(rand, own).split(' ').slice(0, 5).join(' ')}`, '');
      made++;
      for (let para = 1; para <= 8 && made < clauses; para++) {
        const text =
          rand() < 0.3 ? `${sentence(rand, own)} ${sentence(rand, own)}` : sentence(rand, own);
        lines.push(`${top}.${sub}.${para} ${text}${rand() < 0.02 ? cite(rand) : ''}`, '');
        made++;
      }
    }
  }
  return lines.join('\n');
}
