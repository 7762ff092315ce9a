// Word forms for the search worker (docs/assets/search-worker.js), with no I/O of their own.
//
// searchKey is the key the build files each page word under (handbook/site/searchwords.py's
// search_key): both must give the same key for the same word, which a browser test checks.
// A query word finds the page words of its key, so "goscia" finds "gościa", "ladowarki"
// finds "ładowarki" and "بالمفتاح" finds "المفتاح".
(function (scope) {
  "use strict";

  const TASHKEEL = /[\u0610-\u061A\u064B-\u065F\u0670\u0640]/g;
  const ARTICLE = /^(?:[وف]?[بكل]?ال|[وف]?لل)(?=...)/u; // before 3+ letters
  const PREFIX_LETTERS = "وفبكل";
  const LETTERS = { "ł": "l", "ة": "ه", "ى": "ي" }; // no Unicode decomposition
  const ID = /^\p{L}+-\d+$/u; // a standard's ID: Pagefind's own business

  function searchKey(word) {
    const plain = word.toLowerCase().replace(TASHKEEL, "");
    const base = plain.normalize("NFD").replace(/\p{Mn}/gu, "");
    return [...base].map((c) => LETTERS[c] ?? c).join("").replace(ARTICLE, "");
  }

  // The key without one or two Arabic prefix letters, three letters left (as in Python).
  function shorterKeys(key) {
    const keys = [];
    let rest = key;
    while (keys.length < 2 && rest.length >= 4 && PREFIX_LETTERS.includes(rest[0])) {
      rest = rest.slice(1);
      keys.push(rest);
    }
    return keys;
  }

  const shardName = (key) => key.codePointAt(0).toString(16).padStart(4, "0");

  // The query split into units: a phrase the glossary knows ("front office") is one unit,
  // any other word is one; each unit carries the glossary's other words for it.
  function units(query, synonyms) {
    const tokens = query.normalize("NFC").trim().split(/\s+/).filter(Boolean);
    const keys = tokens.map(searchKey);
    const found = [];
    for (let i = 0; i < tokens.length; ) {
      let n = Math.min(4, tokens.length - i);
      while (n > 1 && !synonyms.has(keys.slice(i, i + n).join(" "))) n -= 1;
      const key = keys.slice(i, i + n).join(" ");
      const text = tokens.slice(i, i + n).join(" ");
      found.push({ text, key, single: n === 1, id: ID.test(text),
                   synonyms: synonyms.get(key) || [] });
      i += n;
    }
    return found;
  }

  // Each word of each glossary concept (by its key, a phrase word by word) → all the words
  // of its concepts.
  function synonymMap(concepts) {
    const map = new Map();
    for (const words of concepts) {
      for (const word of words) {
        const key = word.split(/\s+/).map(searchKey).join(" ");
        map.set(key, [...new Set([...(map.get(key) || []), ...words])]);
      }
    }
    return map;
  }

  // Edits a mistyped word may have: none under five letters, one, two from eight.
  const allowedEdits = (key) => (key.length >= 8 ? 2 : key.length >= 5 ? 1 : 0);

  // Optimal string alignment distance (a swap of two neighbours is one edit), or limit + 1.
  function distance(a, b, limit) {
    if (Math.abs(a.length - b.length) > limit) return limit + 1;
    let before = null;
    let row = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i += 1) {
      const next = [i];
      let smallest = i;
      for (let j = 1; j <= b.length; j += 1) {
        const cost = a[i - 1] === b[j - 1] ? 0 : 1;
        let d = Math.min(row[j] + 1, next[j - 1] + 1, row[j - 1] + cost);
        if (before && i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
          d = Math.min(d, before[j - 2] + 1);
        }
        next.push(d);
        smallest = Math.min(smallest, d);
      }
      if (smallest > limit) return limit + 1;
      [before, row] = [row, next];
    }
    return row[b.length];
  }

  // The page keys nearest to a mistyped key, the most frequent first (keys come that way).
  function nearest(key, keys) {
    const limit = allowedEdits(key);
    let best = [];
    let bestDistance = limit + 1;
    for (const candidate of keys) {
      const d = distance(key, candidate, limit);
      if (d < bestDistance) [best, bestDistance] = [[candidate], d];
      else if (d === bestDistance && d <= limit) best.push(candidate);
    }
    return bestDistance <= limit ? best : [];
  }

  // Page keys that differ from the key only in its last letters: another ending of the same
  // word ("ladowarka" for "ładowarki", whose ł Pagefind cannot match to l).
  function endings(key, keys) {
    if (key.length < 5) return [];
    const stem = key.slice(0, Math.max(4, key.length - 2));
    return keys.filter((k) => k !== key && k.startsWith(stem) && Math.abs(k.length - key.length) <= 3);
  }

  // Whether Pagefind's matches for a key no page has can be real: a page word starts with it
  // (Pagefind extends "recep" to "reception") or shares most of it, as another ending of the
  // same stem does ("okulary" for "okularami"). Pagefind also answers a word it lacks with
  // the longest prefix it has ("re" for "reprint"), but only once that part of its index
  // happens to be loaded, so the same query would answer differently after another one.
  function onPages(key, keys) {
    const shared = (k) => { let n = 0; while (n < k.length && k[n] === key[n]) n += 1; return n; };
    const enough = Math.max(4, Math.ceil(key.length / 2));
    return keys.some((k) => k.startsWith(key) || shared(k) >= enough);
  }

  scope.HandbookWords = {
    searchKey, shorterKeys, shardName, synonymMap, units, nearest, endings, onPages,
  };
})(self);
