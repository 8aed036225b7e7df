/* The Python panel on article and entity pages: shows a query about the page's subject and, when
 * the reader asks, runs it in the Python page's embeddable twin (embed/python.html) framed inside
 * the panel, so Pyodide loads only then; "open the Python page" opens the full page with the query.
 * The subject comes from an escaped data attribute and enters the Python code only as a JSON
 * string literal (valid Python too), never as code or markup. */
(function () {
  "use strict";
  function code(kind, subject) {
    var name = JSON.stringify(subject);
    if (kind === "entity") {
      return "entity = entities[" + name + "]\nprint(entity)\nfor mention in entity.mentions[:5]:\n" +
        "    print(mention.context())\nentity.cooccurring()[:10]";
    }
    return "article = articles[" + name + "]\nprint(article.title)\nprint(article.date, \"·\", article.source)\n" +
      "table(article.entities)";
  }

  function enhance(panel) {
    var query = code(panel.getAttribute("data-py-kind"), panel.getAttribute("data-py-subject"));
    var preview = panel.querySelector(".py-panel-code");
    var button = panel.querySelector(".py-panel-run");
    var open = panel.querySelector(".py-panel-open");
    var page = open.getAttribute("href");
    preview.textContent = query;
    preview.hidden = false;
    open.href = page + "?code=" + encodeURIComponent(query) + "&run=1";
    button.hidden = false;
    button.addEventListener("click", function () {
      var frame = document.createElement("iframe");
      // Hidden until loaded, so the reader never sees an empty frame flash.
      frame.className = "py-panel-frame py-panel-loading";
      frame.addEventListener("load", function () { frame.classList.remove("py-panel-loading"); });
      frame.title = "Python widget";
      frame.src = panel.getAttribute("data-py-frame") + "?run=1&code=" + encodeURIComponent(query);
      preview.replaceWith(frame);
      button.remove();
    });
  }

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll(".py-panel[data-py-subject]"), enhance);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
