/* Lode's search box (every page) and search page (search.html).
 *
 * Both are plain GET forms to search.html and work without this script. With it, results
 * appear as you type. Nothing is loaded until a search box is first focused (or search.html
 * is opened with ?q=). Then the search engine (search-engine.js, with lunr.js) starts in a Web
 * Worker, so that ranking thousands of matches never freezes the page, and the index's
 * manifest loads; for each query, only the shards its terms are in and the records of the
 * results shown. A worker cannot load files from disk, and pages opened from file:// cannot
 * fetch(): so every file is a classic script, loaded here by a <script> element and its data
 * handed to the worker - one code path over http and from disk. The worker itself is made
 * from search/worker.js, a script holding the engine's code as a string (a Blob URL; file://
 * pages cannot start workers from files). Where a worker cannot be made, the engine runs here.
 *
 * Corpus text only ever reaches the page through textContent and text nodes.
 */
(function () {
  "use strict";

  var script = document.currentScript;
  if (!script || !window.Promise || !"".normalize) return; // the forms still work
  var INDEX = script.getAttribute("data-index");
  var WORKER = script.getAttribute("data-worker");
  var LUNR = script.getAttribute("data-lunr");
  var ENGINE = script.getAttribute("data-engine");
  var ROOT = INDEX.replace(/search\/index\.js$/, "");
  var MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December"];
  var DELAY = 120; // ms of typing pause before a search runs
  var PAGE_SIZE = 10;
  var SNIPPET_WORDS = 32;
  var enginePromise = null;

  /* Data scripts push [kind, key, value] onto self.LODE_SEARCH (search-engine.js reads the same store). */
  var store = (function () {
    var queue = window.LODE_SEARCH;
    if (queue && queue.lodeStore) return queue.lodeStore;
    var received = Object.create(null);
    window.LODE_SEARCH = { lodeStore: received, push: function (item) { received[item[0] + ":" + item[1]] = item[2]; } };
    if (Array.isArray(queue)) queue.forEach(window.LODE_SEARCH.push);
    return received;
  })();

  function loadScript(src) {
    return new Promise(function (resolve, reject) {
      var element = document.createElement("script");
      element.src = src;
      element.onload = function () { element.remove(); resolve(); };
      element.onerror = function () { element.remove(); reject(new Error("could not load " + src)); };
      document.head.appendChild(element);
    });
  }

  /* The engine in a worker: {search(query, options) -> Promise}. */
  function workerEngine() {
    return Promise.all([loadScript(WORKER), loadScript(INDEX)]).then(function () {
      var url = URL.createObjectURL(new Blob([store["code:worker"]], { type: "text/javascript" }));
      var worker = new Worker(url), waiting = Object.create(null), counter = 0, started = {};
      var client = {
        search: function (query, options) {
          return new Promise(function (resolve, reject) {
            var id = ++counter;
            waiting[id] = { resolve: resolve, reject: reject };
            worker.postMessage({ type: "search", id: id, index: INDEX, query: query, options: options });
          });
        }
      };
      worker.onerror = function (event) {
        event.preventDefault();
        started.reject(new Error("the search worker did not start"));
        Object.keys(waiting).forEach(function (id) { waiting[id].reject(new Error("the search worker stopped")); });
      };
      worker.onmessage = function (event) {
        var message = event.data;
        if (message.type === "ready") {
          URL.revokeObjectURL(url);
          started.resolve(client);
        } else if (message.type === "load") {
          var name = message.kind + ":" + message.key;
          (name in store ? Promise.resolve() : loadScript(message.url)).then(function () {
            if (!(name in store)) throw new Error(message.url + " did not hold the expected search data");
            var item = [message.kind, message.key, store[name]];
            delete store[name];
            worker.postMessage({ type: "loaded", id: message.id, item: item });
          }).catch(function (error) {
            worker.postMessage({ type: "loaded", id: message.id, error: String(error.message) });
          });
        } else if (message.type === "found") {
          var wait = waiting[message.id];
          delete waiting[message.id];
          if (message.error) wait.reject(message.error);
          else wait.resolve(message.found);
        }
      };
      delete store["code:worker"];
      return new Promise(function (resolve, reject) { started.resolve = resolve; started.reject = reject; });
    });
  }

  /* The engine on this thread, where workers cannot be made. */
  function pageEngine() {
    return Promise.all([
      window.lunr ? null : loadScript(LUNR),
      window.LodeSearchEngine ? null : loadScript(ENGINE),
      loadScript(INDEX)
    ]).then(function () {
      return new window.LodeSearchEngine.Engine({ lunr: window.lunr, load: loadScript, index: INDEX }).ready();
    });
  }

  /* The engine, started once; if it fails to start, the next focus tries again. */
  function engine() {
    if (!enginePromise) {
      var canWork = typeof Worker === "function" && typeof Blob === "function" && window.URL && URL.createObjectURL;
      enginePromise = (canWork ? workerEngine().catch(pageEngine) : pageEngine());
      enginePromise.catch(function () { enginePromise = null; });
    }
    return enginePromise;
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  function appendPieces(node, pieces) {
    pieces.forEach(function (piece) {
      node.appendChild(piece.match ? element("mark", "", piece.text) : document.createTextNode(piece.text));
    });
  }

  function longDate(iso) {
    var parts = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso || "");
    return parts ? Number(parts[3]) + " " + MONTHS[Number(parts[2]) - 1] + " " + parts[1] : "";
  }

  function searchUrl(query) {
    return ROOT + "search.html?q=" + encodeURIComponent(query);
  }

  /* One result: a single link holding its title, source and date (or entity type), and a snippet. */
  function resultItem(result) {
    var doc = result.doc, item = element("li", "search-result search-result-" + result.kind);
    var link = element("a");
    link.href = ROOT + doc.p;
    var title = element("span", "search-result-title");
    title.dir = "auto";
    appendPieces(title, result.title);
    link.appendChild(title);
    var meta = element("span", "search-result-meta");
    if (result.kind === "entity") {
      meta.textContent = doc.s + " · " + doc.c + (doc.c === 1 ? " article" : " articles");
    } else {
      meta.textContent = [doc.s, longDate(doc.d)].filter(Boolean).join(" · ");
    }
    link.appendChild(meta);
    if (result.snippet.length) {
      var snippet = element("span", "search-result-snippet", result.kind === "entity" ? "Also written: " : "");
      snippet.dir = "auto";
      appendPieces(snippet, result.snippet);
      link.appendChild(snippet);
    }
    item.appendChild(link);
    return item;
  }

  /* lunr's parse errors, said plainly. */
  var SYNTAX = [
    [/^unrecognised field '([^']*)'/, function (found) {
      return "there is no field called “" + found[1] + "”: the fields are title, body, names and source";
    }],
    [/^expecting term/, function () { return "a word is missing after a field name, + or -"; }],
    [/^boost must be numeric/, function () { return "^ must be followed by a whole number, as in copper^5"; }],
    [/^edit distance must be numeric/, function () { return "~ must be followed by a whole number, as in copper~1"; }]
  ];

  function message(error, query) {
    if (error && error.reason === "syntax") {
      var why = error.message;
      SYNTAX.forEach(function (rule) {
        var found = rule[0].exec(error.message);
        if (found) why = rule[1](found);
      });
      return "Lode can’t read “" + query + "” as a search: " + why + ". Search plain words, or see the search tips.";
    }
    if (error && error.reason === "broad") {
      return "“" + query + "” is too broad: " + error.message + ". Put more letters before the *, or leave out the ~.";
    }
    return "Search is not available: " + (error && error.message ? error.message : "the index could not be loaded") + ".";
  }

  function noResults(query) {
    return "No articles or names match “" + query + "”. Check the spelling, use fewer words, or end a word with * " +
      "to find words that begin with it (min*).";
  }

  /* Arrow keys move between the input and the result links; Enter follows the focused link. */
  function arrowKeys(input, list, onEscape) {
    function links() { return Array.prototype.slice.call(list.querySelectorAll("a")); }
    input.addEventListener("keydown", function (event) {
      if (event.key === "ArrowDown" && links().length) {
        event.preventDefault();
        links()[0].focus();
      } else if (event.key === "Escape" && onEscape) {
        onEscape();
      }
    });
    list.addEventListener("keydown", function (event) {
      var all = links(), at = all.indexOf(document.activeElement);
      if (at < 0) return;
      if (event.key === "ArrowDown" && at < all.length - 1) {
        event.preventDefault();
        all[at + 1].focus();
      } else if (event.key === "ArrowUp") {
        event.preventDefault();
        (at > 0 ? all[at - 1] : input).focus();
      } else if (event.key === "Escape") {
        input.focus();
        if (onEscape) onEscape();
      }
    });
  }

  /* Runs the latest query only: answers to queries typed over are dropped. */
  function latest(run) {
    var counter = 0, timer = null;
    return function (query, now) {
      var ticket = ++counter;
      clearTimeout(timer);
      timer = setTimeout(function () {
        run(query, function () { return ticket === counter; });
      }, now ? 0 : DELAY);
    };
  }

  /* The header box: a short list under it, names first, and a link to every result. */
  function setUpBox(form) {
    var input = form.querySelector("input[name=q]");
    var panel = form.querySelector(".search-panel");
    var status = panel.querySelector(".search-status");
    var list = panel.querySelector(".search-results");

    function show(open) {
      panel.hidden = !open;
      input.setAttribute("aria-expanded", open ? "true" : "false");
    }

    var update = latest(function (query, current) {
      if (!query.trim()) { show(false); return; }
      engine().then(function (search) {
        return Promise.all([
          search.search(query, { kind: "entity", limit: 3 }),
          search.search(query, { kind: "article", limit: 6, words: 14 })
        ]).then(function (found) {
          if (!current()) return;
          list.textContent = "";
          found[0].results.concat(found[1].results).forEach(function (result) {
            list.appendChild(resultItem(result));
          });
          var total = found[0].total + found[1].total;
          if (total) {
            status.textContent = "";
            var all = element("li", "search-all");
            var link = element("a", "", "All " + total + (total === 1 ? " result" : " results") + " for “" + query + "”");
            link.href = searchUrl(query);
            all.appendChild(link);
            list.appendChild(all);
          } else {
            status.textContent = noResults(query);
          }
          show(true);
        });
      }).catch(function (error) {
        if (!current()) return;
        list.textContent = "";
        status.textContent = message(error, query);
        show(true);
      });
    });

    input.addEventListener("focus", function () {
      engine().catch(function () {}); // start loading; errors show when a search runs
      if (input.value.trim() && list.childNodes.length) show(true);
    });
    input.addEventListener("input", function () { update(input.value); });
    form.addEventListener("focusout", function (event) {
      if (!form.contains(event.relatedTarget)) show(false);
    });
    arrowKeys(input, list, function () { show(false); });
  }

  /* search.html: every result, names first, more on request; ?q= is searched on load. */
  function setUpPage(form) {
    var section = form.parentNode;
    var input = form.querySelector("input[name=q]");
    var status = section.querySelector(".search-status");
    var list = section.querySelector(".search-results");
    var more = section.querySelector(".search-more");
    var shown = PAGE_SIZE;

    var update = latest(function (query, current) {
      try {
        history.replaceState(null, "", query ? "?q=" + encodeURIComponent(query) : location.pathname);
      } catch (error) { /* some browsers refuse it for file:// pages; the results still show */ }
      if (!query.trim()) {
        list.textContent = "";
        status.textContent = "";
        more.hidden = true;
        return;
      }
      status.textContent = "Searching…";
      engine().then(function (search) {
        return Promise.all([
          search.search(query, { kind: "entity", limit: 5 }),
          search.search(query, { kind: "article", limit: shown, words: SNIPPET_WORDS })
        ]).then(function (found) {
          if (!current()) return;
          var names = found[0], articles = found[1];
          list.textContent = "";
          names.results.concat(articles.results).forEach(function (result) {
            list.appendChild(resultItem(result));
          });
          if (!names.total && !articles.total) {
            status.textContent = noResults(query);
          } else {
            status.textContent = articles.total + (articles.total === 1 ? " article" : " articles") +
              (names.total ? " and " + names.total + (names.total === 1 ? " name" : " names") : "") +
              (articles.total + names.total === 1 ? " matches “" : " match “") + query + "”.";
          }
          more.hidden = articles.total <= shown;
        });
      }).catch(function (error) {
        if (!current()) return;
        list.textContent = "";
        more.hidden = true;
        status.textContent = message(error, query);
      });
    });

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      shown = PAGE_SIZE;
      update(input.value, true);
    });
    input.addEventListener("input", function () {
      shown = PAGE_SIZE;
      update(input.value);
    });
    input.addEventListener("focus", function () { engine().catch(function () {}); });
    more.addEventListener("click", function () {
      shown += PAGE_SIZE;
      update(input.value, true);
    });
    arrowKeys(input, list, null);

    var query = new URLSearchParams(location.search).get("q");
    if (query) {
      input.value = query;
      update(query, true);
    }
  }

  /* "/" anywhere but in a text field goes to the search box (the page's own on search.html). */
  document.addEventListener("keydown", function (event) {
    if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey) return;
    var target = event.target;
    if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
    var input = document.querySelector("form[data-search=page] input[name=q]") ||
      document.querySelector("form[data-search=box] input[name=q]");
    if (!input) return;
    event.preventDefault();
    input.focus();
    input.select();
  });

  Array.prototype.forEach.call(document.querySelectorAll("form[data-search=box]"), setUpBox);
  Array.prototype.forEach.call(document.querySelectorAll("form[data-search=page]"), setUpPage);
})();
