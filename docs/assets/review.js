/*
 * Review badges stay right between builds.
 *
 * The build writes each badge's status into the HTML (so the page is right without
 * JavaScript, as of the build date), plus what is needed to recompute it: the next review
 * date, the due-soon window and the word for every status in the page's language. This
 * script compares them with the reader's own date, so a standard that became overdue
 * after the last build shows as overdue today. The rule is the one of handbook.model.review:
 * overdue after the next review date, due soon from `days` days before it.
 *
 * Material's instant navigation swaps pages without reloading scripts; its `document$`
 * observable announces every new page, so the badges of each page are refreshed.
 */
(function () {
  "use strict";

  var STATUSES = ["overdue", "due-soon", "current"];
  var ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

  function isoDay(day) {
    function two(n) { return (n < 10 ? "0" : "") + n; }
    return day.getFullYear() + "-" + two(day.getMonth() + 1) + "-" + two(day.getDate());
  }

  function statusOf(nextReview, dueSoonDays, today) {
    if (nextReview < isoDay(today)) { return "overdue"; }
    var limit = new Date(today.getFullYear(), today.getMonth(), today.getDate() + dueSoonDays);
    return nextReview <= isoDay(limit) ? "due-soon" : "current";
  }

  function refresh(root) {
    var today = new Date();
    root.querySelectorAll(".hb-badge[data-next-review]").forEach(function (badge) {
      var next = badge.getAttribute("data-next-review") || "";
      var days = parseInt(badge.getAttribute("data-due-soon-days") || "", 10);
      if (!ISO_DAY.test(next) || isNaN(days)) { return; }
      var status = statusOf(next, days, today);
      var word = badge.getAttribute("data-word-" + status);
      var wordElement = badge.querySelector(".hb-badge__word");
      if (!word || !wordElement) { return; }
      STATUSES.forEach(function (each) {
        badge.classList.toggle("hb-badge--" + each, each === status);
      });
      wordElement.textContent = word;
      badge.setAttribute("data-status", status);
    });
  }

  if (typeof window.document$ !== "undefined" && window.document$.subscribe) {
    window.document$.subscribe(function () { refresh(document); });
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", function () { refresh(document); });
  } else {
    refresh(document);
  }
})();
