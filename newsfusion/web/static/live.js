/* newsfusion pages: bring a cited sentence into view, and refresh live pages as articles arrive.
 *
 * A page whose content can change marks it with data-live and data-version (the store version
 * it was rendered at); a story page adds data-story. Every few seconds this asks
 * /api/changes?since=VERSION (one cheap query); when something relevant arrived it fetches
 * the page again and swaps in the new content, leaving the forms outside it untouched.
 */
(function () {
  "use strict";
  var POLL_MS = 3000;

  function showHighlight() {
    var mark = document.getElementById("hl");
    if (!mark) return;
    mark.scrollIntoView({ block: "center" });
    mark.focus({ preventScroll: true });
  }

  function startPolling() {
    var live = document.querySelector("[data-live]");
    if (!live || !window.fetch) return;
    var version = live.getAttribute("data-version");
    var story = live.getAttribute("data-story");
    var status = document.getElementById("live-status");
    var busy = false;

    function refresh() {
      return fetch(window.location.href, { headers: { Accept: "text/html" } })
        .then(function (response) { return response.ok ? response.text() : null; })
        .then(function (html) {
          if (!html) return;
          var fresh = new DOMParser().parseFromString(html, "text/html").querySelector("[data-live]");
          if (!fresh) return;
          live.innerHTML = fresh.innerHTML;
          version = fresh.getAttribute("data-version");
          live.setAttribute("data-version", version);
          if (status) status.textContent = "Updated " + new Date().toLocaleTimeString() + ": new articles arrived.";
        });
    }

    function poll() {
      if (busy || document.hidden) return;
      busy = true;
      var url = "/api/changes?since=" + encodeURIComponent(version) + (story ? "&story=" + encodeURIComponent(story) : "");
      fetch(url, { headers: { Accept: "application/json" } })
        .then(function (response) { return response.ok ? response.json() : null; })
        .then(function (change) {
          if (!change) return null;
          if (change.changed) return refresh();
          version = String(change.version);
          return null;
        })
        .catch(function () { /* the server is away; try again next time */ })
        .then(function () { busy = false; });
    }

    window.setInterval(poll, POLL_MS);
  }

  showHighlight();
  startPolling();
})();
