// Word lists shared by the search for undefined terms and the extraction of defined ones.

// Lower-case words that may sit inside a defined term ("Code of Practice", "Balancing and
// Settlement Code"). An unknown phrase is reported in parts split at the splitting ones, so
// "Supplier of Last Resort" stays whole but "Suppliers and Distributors" does not.
export const JOINERS = new Set(['of', 'and', 'for', 'the', 'to', 'in', 'on', 'de']);
export const SPLITTING_JOINERS = new Set(['and', 'for', 'to', 'in', 'on']);

// Words that are capitalised for grammar, not because they are terms.
export const FUNCTION_WORDS = new Set(
  `a an the this that these those each every any all some no none such other another both either
  neither where when whenever wherever if unless whether while whilst although though because
  since until once as so then thereafter therefore thus however further furthermore moreover
  accordingly otherwise also only not nor and or but for in on at by to from with within without
  under upon after before during following prior pursuant subject notwithstanding save except
  into onto of over between among it its they them their there here he she we you our your us
  what which who whom whose how why please note see refer yes is are be was were may must shall
  should will would can could do does did has have had`.split(/\s+/),
);

// Capitalised words that are never glossary terms: calendar names, places, document labels.
export const STOP_WORDS = new Set(
  `january february march april may june july august september october november december
  monday tuesday wednesday thursday friday saturday sunday great britain england wales scotland
  northern ireland united kingdom english welsh scottish mr mrs ms dr ltd limited plc elexon
  ofgem recco electralink section sections annex annexes appendix appendices schedule schedules
  paragraph paragraphs part parts table tables figure figures attachment attachments chapter
  clause clauses article step version page example examples note notes`.split(/\s+/),
);
