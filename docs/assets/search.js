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
})();
