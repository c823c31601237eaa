// Job titles as HR systems write them, read into what a role is: Markdown and links removed,
// "Interim", "Acting" and "(and CEO)" read as facts about the person in the seat, abbreviations
// (SDR, AE, CSM, "Sales Dev Rep") expanded, and a region in brackets read as the role's scope.
// Titles that come out the same are one role; the import lists them for the user to confirm.

/**
 * What plainText strips or collapses. A constant: a regular expression written in a function is
 * a new object at every call, and plainText is called for every cell of the export.
 */
export const MARKUP = /[[\]<>~*_`]|\s\s|^\s|\s$/;

/** A title cell made plain: Markdown links keep their text, emphasis and code marks go. */
export function plainText(text: string): string {
  // Most cells have nothing to strip: one test instead of six replacements per cell.
  if (!MARKUP.test(text)) return text;
  return text
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<[^>]+>/g, '')
    .replace(/~~[^~]*~~/g, '')
    .replace(/[*_`]+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

export interface ReadTitle {
  /** The title of the seat itself, e.g. "Engineering Manager, Delivery" for "Interim Engineering Manager, Delivery". */
  base: string;
  /** The words that make titles the same role: lowercase, abbreviations expanded. */
  key: string;
  /** Held for now: "Interim …", "Acting …", "代理…". */
  interim?: string;
  /** Other jobs named in the cell: "(and CEO)". */
  also?: string;
  /** A region in brackets: "SDR (East)". */
  region?: string;
}

const INTERIM = /^(interim|acting|temporary|代理|临时|暂代)\s*/i;
const ALSO = /\s*[(（]\s*(?:and|also|兼|兼任)\s*([^()（）]+)[)）]\s*$/i;
const BRACKET = /^(.*?)\s*[(（[【]\s*([^()（）[\]【】]+?)\s*[)）\]】]\s*$/;

/** Regions that a bracket in a title usually names; the file's own region values count too. */
export const REGION_WORDS = new Set(
  [
    'east', 'west', 'north', 'south', 'central', 'northeast', 'northwest', 'southeast', 'southwest', 'north east', 'north west', 'south east', 'south west',
    'emea', 'apac', 'apj', 'amer', 'americas', 'na', 'nam', 'noram', 'latam', 'anz', 'dach', 'nordics', 'benelux', 'mea', 'cee', 'ssa', 'gcr', 'sea',
    'eu', 'europe', 'asia', 'africa', 'us', 'usa', 'uk', 'canada', 'china', 'japan', 'india', 'germany', 'france', 'brazil', 'mexico', 'australia', 'singapore',
    'north america', 'south america', 'us east', 'us west', 'east coast', 'west coast', 'greater china', 'middle east',
    '华东', '华南', '华北', '华中', '华西', '西南', '西北', '东北', '东区', '西区', '南区', '北区', '中区', '海外', '国际', '港澳台',
    '北京', '上海', '广州', '深圳', '杭州', '南京', '成都', '武汉', '西安', '重庆', '天津', '苏州',
  ].map((w) => w.toLowerCase()),
);

/** Abbreviations that stand for a whole title. */
const TITLE_ABBREVIATIONS: Record<string, string> = {
  sdr: 'sales development representative',
  bdr: 'business development representative',
  ae: 'account executive',
  csm: 'customer success manager',
  am: 'account manager',
  kam: 'key account manager',
  ka: 'key account manager',
  ceo: 'ceo',
};

/** Abbreviated words inside titles. */
const WORD_ABBREVIATIONS: Record<string, string> = {
  dev: 'development',
  rep: 'representative',
  reps: 'representative',
  mgr: 'manager',
  mngr: 'manager',
  sr: 'senior',
  snr: 'senior',
  jr: 'junior',
  exec: 'executive',
  acct: 'account',
  assoc: 'associate',
  dir: 'director',
  mktg: 'marketing',
  ops: 'operations',
  cust: 'customer',
  mgmt: 'management',
  '&': 'and',
};

/** Reads one title cell. `regions` are the region values the file already has (lowercase). */
export function readTitle(cell: string, regions: ReadonlySet<string> = new Set(), merge = true): ReadTitle {
  let base = plainText(cell);
  const out: Partial<ReadTitle> = {};
  const also = ALSO.exec(base);
  if (also) {
    out.also = also[1].trim();
    base = base.slice(0, also.index).trim();
  }
  const interim = INTERIM.exec(base);
  if (interim && base.length > interim[0].length) {
    out.interim = interim[1];
    base = base.slice(interim[0].length).trim();
  }
  const bracket = BRACKET.exec(base);
  if (merge && bracket && bracket[1] && isRegion(bracket[2], regions)) {
    out.region = bracket[2];
    base = bracket[1].trim();
  }
  base = base.replace(/[\s,;:·\-–—/]+$/, '').replace(/^[\s,;:·\-–—/]+/, '') || plainText(cell);
  return { base, key: merge ? titleKey(base) : base.toLowerCase(), ...out };
}

function isRegion(text: string, regions: ReadonlySet<string>): boolean {
  const t = text.toLowerCase().replace(/\s+/g, ' ').trim();
  return REGION_WORDS.has(t) || regions.has(t);
}

/** The words that decide whether two titles are one role. */
export function titleKey(title: string): string {
  const words = title
    .toLowerCase()
    .replace(/&/g, ' & ')
    .split(/[^\p{L}\p{N}&]+/u)
    .filter(Boolean);
  if (words.length === 1 && TITLE_ABBREVIATIONS[words[0]]) return TITLE_ABBREVIATIONS[words[0]];
  return words.map((w) => WORD_ABBREVIATIONS[w] ?? w).join(' ');
}

/** Whether a title as written is already its own expanded form (no abbreviations in it). */
export function isSpelledOut(title: string): boolean {
  return titleKey(title) === title.toLowerCase().replace(/&/g, ' & ').split(/[^\p{L}\p{N}&]+/u).filter(Boolean).join(' ');
}

/** "sales development representative" → "Sales Development Representative". */
export function titleCase(key: string): string {
  return key.replace(/(^|\s)(\p{Ll})/gu, (_m, s: string, c: string) => s + c.toUpperCase());
}

/**
 * The team a manager's title names, for telling roles of one title apart:
 * "Engineering Manager, Code Search" → "Code Search"; "Director of Sales - East" → "East".
 */
export function teamOf(managerTitle: string): string | undefined {
  const parts = managerTitle.split(/\s*(?:,|\s[-–—|·]\s)\s*/).filter(Boolean);
  if (parts.length > 1) return parts.slice(1).join(', ');
  const of = /\b(?:of|for)\s+(.+)$/i.exec(managerTitle);
  return of ? of[1] : undefined;
}
