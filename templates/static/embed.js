/* Lode embeds. Two jobs, chosen by the page:
 * - inside an embed page: tell the parent frame our height, whenever it changes;
 * - on a full page: fill in the embed snippet with this site's absolute URL and offer "Copy".
 * The embed page never listens for messages: it acts on nothing a host page sends. */
(function () {
  "use strict";
  var HEIGHT_MESSAGE = "lode-embed-height";

  function reportHeight() {
    if (window.parent === window) return;
    var height = Math.ceil(document.documentElement.scrollHeight);
    // The height is not a secret, and the host's origin is unknown in advance: "*" is right here.
    window.parent.postMessage({ type: HEIGHT_MESSAGE, height: height }, "*");
  }

  function watchHeight() {
    reportHeight();
    if (window.ResizeObserver) {
      new ResizeObserver(reportHeight).observe(document.documentElement);
    } else {
      window.addEventListener("resize", reportHeight);
    }
    window.addEventListener("load", reportHeight);
  }

  function fillSnippet() {
    var code = document.querySelector(".embed-code");
    if (!code) return;
    var path = code.getAttribute("data-embed-path");
    // The build wrote the snippet with a relative src (or an absolute one from --base-url).
    // Pasted on another site a relative src breaks, so on a web page it becomes absolute.
    if (/^https?:$/.test(location.protocol) && !/^https?:/.test(path)) {
      var absolute = new URL(path, location.href).href;
      code.value = code.value.split('src="' + path + '"').join('src="' + absolute.replace(/"/g, "&quot;") + '"');
    }
    var button = document.querySelector(".copy-embed");
    var status = document.querySelector(".copy-status");
    if (!button || !navigator.clipboard) return;
    button.hidden = false;
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(code.value).then(function () {
        status.textContent = "Copied.";
      }, function () {
        code.select();
        status.textContent = "Select the code and copy it.";
      });
    });
  }

  function start() {
    if (document.body.classList.contains("embedded")) watchHeight();
    fillSnippet();
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
