// Material for MkDocs search worker backed by Pagefind (see hooks/handbook/site/search.py).
//
// Material's search box posts SETUP and QUERY messages to the worker named in its config
// and renders the RESULT messages it gets back; this worker answers them with Pagefind,
// so the header search box, its keyboard shortcuts and the result list stay Material's.
// docs/assets/search.js names this worker with ?lang=<the page's <html lang>>.

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

// Pagefind stems Polish, but a verbal noun and its verb keep different stems
// (przywitanie: "przywitani", przywitaj: "przywitaj"). Cutting these endings off the query
// leaves the shared stem, which Pagefind then matches as a prefix of either form.
const POLISH_ENDINGS = /(?:aniami|eniami|aniach|eniach|aniem|eniem|aniu|eniu|ania|enia|anie|enie|ań|eń)$/;
function prepare(query) {
  const words = query.normalize("NFC").trim().split(/\s+/);
  if (language !== "pl") return words.join(" ");
  return words.map((w) => (w.length > 7 ? w.replace(POLISH_ENDINGS, "") : w)).join(" ");
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

let latest = 0; // Material sends a query per keystroke; drop answers to older ones
async function answer(query, ticket) {
  const text = prepare(query);
  let items = [];
  if (text) {
    const found = await (await pagefind()).search(text);
    const pages = found.results.slice(0, MAX_PAGES);
    const data = await Promise.all(pages.map((result) => result.data()));
    items = data.map((page, i) => group(page, pages[i].score));
  }
  if (ticket === latest) self.postMessage({ type: RESULT, data: { items } });
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
