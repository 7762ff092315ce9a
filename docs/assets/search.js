// Point Material's search box at the Pagefind worker (docs/assets/search-worker.js).
// Loaded by overrides/main.html right after Material's #__config and before its bundle,
// which reads that config once when it starts.
(function () {
  // Material's search dialog has no accessible name; give it the one of its input.
  var dialog = document.querySelector(".md-search[role=dialog]");
  var input = document.querySelector(".md-search__input");
  if (dialog && input) dialog.setAttribute("aria-label", input.getAttribute("aria-label"));

  // An offline copy opened from disk keeps Material's own search: Pagefind cannot load
  // its index over file://, and the build keeps the lunr index for such copies.
  if (location.protocol === "file:") return;
  var element = document.getElementById("__config");
  var config = JSON.parse(element.textContent);
  var worker = new URL("search-worker.js", document.currentScript.src);
  worker.searchParams.set("lang", document.documentElement.lang); // the reader's language
  config.search = worker.href;
  element.textContent = JSON.stringify(config);
  showNotes(worker.href);

  // The worker's answers may carry a note ("showing results for ...", "no page has every
  // word ..."): listen to the worker Material starts, and keep the note in its result count,
  // which Material rewrites on each answer.
  function showNotes(url) {
    var line = "";
    function show() {
      var meta = document.querySelector(".md-search-result__meta");
      if (!meta) return;
      var note = meta.querySelector(".hb-search-note");
      if (!line) {
        if (note) note.remove();
        return;
      }
      if (!note) {
        note = document.createElement("span");
        note.className = "hb-search-note";
        meta.appendChild(note);
      }
      if (note.textContent !== line) note.textContent = line;
    }
    var NativeWorker = window.Worker;
    window.Worker = function (address, options) {
      var started = new NativeWorker(address, options);
      if (String(address) === url) {
        started.addEventListener("message", function (event) {
          if (event.data && event.data.type === 3) line = event.data.data.note || ""; // RESULT
        });
      }
      return started;
    };
    window.Worker.prototype = NativeWorker.prototype;
    document.addEventListener("DOMContentLoaded", function () {
      var meta = document.querySelector(".md-search-result__meta");
      if (meta) new MutationObserver(show).observe(meta, { childList: true });
    });
  }
})();
