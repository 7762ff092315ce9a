// Material for MkDocs search worker backed by Pagefind (see hooks/handbook/site/search.py).
//
// Material's search box posts SETUP and QUERY messages to the worker named in its config
// and renders the RESULT messages it gets back; this worker answers them with Pagefind,
// so the header search box, its keyboard shortcuts and the result list stay Material's.
// docs/assets/search.js names this worker with ?lang=<the page's <html lang>>.

importScripts("search-words.js"); // beside this file; defines self.HandbookWords
const Words = self.HandbookWords;

const SETUP = 0, READY = 1, QUERY = 2, RESULT = 3; // Material's SearchMessageType
const MAX_PAGES = 10; // Material shows ten results first; each one costs a fragment download

const language = new URL(self.location.href).searchParams.get("lang") || "en";
const siteRoot = new URL("../", self.location.href); // this file is <root>/assets/

// Pagefind picks the index of <html lang>; a worker has no document, so lend it one that
// answers with the page's language. Results then only ever come from that language.
self.document = {
  currentScript: null,
  querySelector: () => ({ getAttribute: () => language }),
};

let engine = null;
function pagefind() {
  engine ??= import(new URL("pagefind/pagefind.js", siteRoot).href).then(async (module) => {
    // Result URLs under the site's own path (e.g. /service-handbook/ on GitHub Pages).
    await module.options({ baseUrl: siteRoot.pathname, excerptLength: 24 });
    return module;
  }).catch((error) => {
    engine = null; // a failed load (a network blip) is tried again on the next query
    throw error;
  });
  return engine;
}

// Languages whose Pagefind stemmer changes a word inside (Arabic: مواعيد, موعد), so no page
// word need share the typed word's start: there Pagefind's own matches are trusted.
const STEMS_INSIDE = new Set(["ar"]);

// Pagefind stems Polish, but a verbal noun and its verb keep different stems
// (przywitanie: "przywitani", przywitaj: "przywitaj"). Cutting these endings off the query
// leaves the shared stem, which Pagefind then matches as a prefix of either form.
const POLISH_ENDINGS = /(?:aniami|eniami|aniach|eniach|aniem|eniem|aniu|eniu|ania|enia|anie|enie|ań|eń)$/;
function verbalStem(word) {
  return language === "pl" && word.length > 7 ? word.replace(POLISH_ENDINGS, "") : word;
}

// The build's word files (handbook/site/searchwords.py): the glossary's words per concept,
// the notes in the reader's language, and the page words by key, one file per first letter.
const wordsRoot = new URL(`pagefind/words/${language}/`, siteRoot);
const files = new Map();
function wordFile(name) {
  if (!files.has(name)) {
    const load = fetch(new URL(`${name}.json`, wordsRoot))
      .then((response) => (response.ok ? response.json() : {}))
      .catch(() => { files.delete(name); return {}; }); // tried again on the next query
    files.set(name, load);
  }
  return files.get(name);
}
let loadedIndex = null; // the index, read once: Material sends a query per keystroke
function wordIndex() {
  loadedIndex ??= wordFile("index").then((index) => {
    if (!index.letters) loadedIndex = null; // not loaded (offline, a blip): try on the next query
    return { letters: new Set(index.letters || []), notes: index.notes || {},
             synonyms: Words.synonymMap(index.synonyms || []) };
  });
  return loadedIndex;
}
async function keysOf(key, index) {
  const name = Words.shardName(key);
  return index.letters.has(name) ? new Map(Object.entries(await wordFile(name))) : new Map();
}
// The page words filed under a key or under its shorter keys (و ب ل ... taken off).
async function formsOf(key, index) {
  const forms = [];
  for (const k of [key, ...Words.shorterKeys(key)]) forms.push(...((await keysOf(k, index)).get(k) || []));
  return forms;
}

// Titles come back as plain text and Material inserts them as HTML: escape them.
const escapeHtml = (text) =>
  text.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]);

// The words Pagefind marked in an excerpt, without punctuation: the page then highlights
// exactly these forms (Material passes them on in the result link's ?h=).
function marked(excerpt, into) {
  for (const [, word] of excerpt.matchAll(/<mark>([^<]+)<\/mark>/g)) {
    into.add(word.replace(/^\p{P}+|\p{P}+$/gu, "").toLowerCase());
  }
}

// Pagefind leaves a heading's links out of its title, and a standard's heading starts with
// its ID as a link to itself (<h3 id="abc-01"><a href="#abc-01">ABC-01</a> ...): put the
// ID back, from the anchor, which is the ID in lower case.
function sectionTitle(sub) {
  const anchor = sub.anchor || {};
  const title = escapeHtml(sub.title || "");
  if (anchor.element !== "h3" || !anchor.id) return title;
  return `<bdi>${escapeHtml(anchor.id.toUpperCase())}</bdi> ${title}`; // isolated, as on the page
}

// One Pagefind page → Material's group of documents: the page (its location has no "#")
// and its matching sections. Material shows the best-scored documents of the group and
// folds the rest; Enter opens the best one, so a section with more hits outranks its page.
function group(page, score) {
  const terms = new Set();
  marked(page.excerpt, terms);
  const sections = page.sub_results
    .filter((sub) => sub.url.includes("#"))
    .map((sub) => {
      marked(sub.excerpt, terms);
      return { location: sub.url, title: sectionTitle(sub), text: `<p>${sub.excerpt}</p>`,
               score: score * (1 + sub.locations.length / 10) };
    });
  const termMap = Object.fromEntries([...terms].map((term) => [term, true]));
  const parent = { location: page.url, title: escapeHtml(page.meta.title || page.url),
                   text: `<p>${page.excerpt}</p>`, score };
  return [parent, ...sections]
    .map((doc) => ({ ...doc, terms: termMap }))
    .sort((a, b) => b.score - a.score);
}

// What one unit of the query (a word, or a phrase of the glossary) may be found as, each
// with its Pagefind results: the typed text, the glossary's other words for it and their
// written forms. A word that neither a page nor the glossary has may be another ending of a
// page word, or else a typo of the nearest page or glossary word within one or two edits
// (reported as "results for ..."); Pagefind's own matches for it are kept beside those
// where they can be real (Words.onPages).
async function alternatives(unit, index, find) {
  const live = async (texts) => {
    const found = await Promise.all([...new Set(texts)].map(async (text) => ({ text, results: await find(text) })));
    return found.filter((alternative) => alternative.results.length);
  };
  if (unit.id) return { alternatives: await live([unit.text]) };
  const typed = [verbalStem(unit.text), ...(await withForms([unit.text, ...unit.synonyms], index))];
  const shard = await keysOf(unit.key, index);
  if (!unit.single || unit.synonyms.length || shard.has(unit.key)) return { alternatives: await live(typed) };
  const keys = [...shard.keys()];
  const endings = Words.endings(unit.key, keys).flatMap((k) => shard.get(k));
  if (endings.length) return { alternatives: await live([...typed, ...endings]) };
  const own = STEMS_INSIDE.has(language) || Words.onPages(unit.key, keys) ? await live(typed) : [];
  const letter = Words.shardName(unit.key);
  const glossary = [...index.synonyms.keys()].filter((k) => !k.includes(" ") && Words.shardName(k) === letter);
  for (const key of Words.nearest(unit.key, [...keys, ...glossary])) {
    const words = shard.get(key) || index.synonyms.get(key);
    const corrected = await live(shard.has(key) ? words : await withForms(words, index));
    if (corrected.length) {
      const shown = words.find((word) => Words.searchKey(word) === key) || words[0];
      return { alternatives: [...corrected, ...own], correction: shown };
    }
  }
  return { alternatives: own };
}

// Words with the forms the pages write them in (a phrase is searched as it is).
async function withForms(words, index) {
  const texts = [];
  for (const word of words) {
    texts.push(word);
    if (!word.includes(" ")) texts.push(...(await formsOf(Words.searchKey(word), index)));
  }
  return texts;
}

// Pages ranked by how many units of the query they match, then by score. Pages with every
// word come first, followed by those missing one: a page that says "room type" but not
// "explain" is still a good answer to "explain room types". When no page has every word,
// the pages with most of them are listed, so a word no page has does not empty the list.
function rank(planned) {
  const pages = new Map();
  planned.forEach(({ alternatives: found }, unit) => {
    for (const { text, results } of found) {
      for (const result of results) {
        const page = pages.get(result.id) || { id: result.id, best: new Map() };
        const best = page.best.get(unit);
        if (!best || result.score > best.result.score) page.best.set(unit, { text, result });
        pages.set(result.id, page);
      }
    }
  });
  const score = (page) => [...page.best.values()].reduce((sum, best) => sum + best.result.score, 0);
  const ranked = [...pages.values()].sort((a, b) => b.best.size - a.best.size || score(b) - score(a));
  const nearlyAll = Math.max(planned.length - 1, 1);
  const complete = ranked.length && ranked[0].best.size === planned.length;
  return (complete ? ranked.filter((page) => page.best.size >= nearlyAll) : ranked).slice(0, MAX_PAGES);
}

// For each ranked page, Pagefind's result for all the words it matched, which gives the
// excerpt and sections every matched word marked.
async function resultsFor(ranked, find) {
  const chosen = await Promise.all(ranked.map(async (page) => {
    const matched = [...page.best.values()];
    const together = matched.length > 1 ? await find(matched.map((m) => m.text).join(" ")) : [];
    const result = together.find((r) => r.id === page.id) || matched[0].result;
    return { result, words: matched.length };
  }));
  return chosen.sort((a, b) => b.words - a.words || b.result.score - a.result.score);
}

function note(index, planned, ranked) {
  const lines = [];
  const corrections = planned.map((p) => p.correction).filter(Boolean);
  if (corrections.length && index.notes.corrected) {
    lines.push(index.notes.corrected.replace("{words}", corrections.join(" ")));
  }
  if (ranked.length && ranked[0].best.size < planned.length && index.notes.partial) {
    lines.push(index.notes.partial);
  }
  return lines.join(" ");
}

let latest = 0; // Material sends a query per keystroke; drop answers to older ones
async function answer(query, ticket) {
  let items = [];
  let line = "";
  const [engine, index] = await Promise.all([pagefind(), wordIndex()]);
  const units = Words.units(query, index.synonyms);
  if (units.length) {
    const searches = new Map(); // one Pagefind search per text within this answer
    const find = (text) => {
      if (!searches.has(text)) searches.set(text, engine.search(text).then((found) => found.results));
      return searches.get(text);
    };
    const planned = await Promise.all(units.map((unit) => alternatives(unit, index, find)));
    const ranked = rank(planned);
    const chosen = await resultsFor(ranked, find);
    const data = await Promise.all(chosen.map(({ result }) => result.data()));
    items = data.map((page, i) => group(page, chosen[i].result.score));
    line = note(index, planned, ranked);
  }
  // `note` is the handbook's: docs/assets/search.js shows it in Material's result count
  if (ticket === latest) self.postMessage({ type: RESULT, data: { items, note: line } });
}

self.addEventListener("message", ({ data: message }) => {
  if (message.type === SETUP) {
    self.postMessage({ type: READY }); // Pagefind loads on the first query, not before
  } else if (message.type === QUERY) {
    const ticket = ++latest;
    answer(message.data, ticket).catch((error) => {
      console.error("search failed:", error);
      if (ticket === latest) self.postMessage({ type: RESULT, data: { items: [] } });
    });
  }
});
