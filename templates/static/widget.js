/* Lode's Python widget, the page's side: editor, buttons, output, and the worker's life.
 *
 * Python runs in a Web Worker (widget-worker.js), started only when the reader runs a query, so
 * the page never freezes. Stop, and the time limit, end a runaway query by terminating the worker
 * and starting a fresh one. Everything the worker sends back is data, and every bit of it reaches
 * the page through textContent: a shared ?code= link cannot put markup on the page.
 * Over http the worker loads Pyodide from pyodide-<hash>/; from file:// the page reads the same
 * runtime from classic scripts (embed/*.js) and passes it to a data: worker.
 */
(function () {
  "use strict";
  var root = document.querySelector("[data-lode-widget]");
  if (!root) return;
  var params = new URLSearchParams(location.search);

  var fromDisk = location.protocol === "file:";
  var config = {
    runtime: absolute(root.getAttribute("data-runtime")).replace(/\/?$/, "/"),  // a folder: Pyodide wants the slash
    worker: absolute(root.getAttribute("data-worker")),
    corpusJSON: absolute(root.getAttribute("data-corpus-json")),
    corpusJS: absolute(root.getAttribute("data-corpus-js")),
    packageName: root.getAttribute("data-package"),
    wheel: root.getAttribute("data-wheel"),
    embeds: JSON.parse(root.getAttribute("data-embeds")),
    sizes: JSON.parse(root.getAttribute("data-sizes"))
  };
  var HELLO_TIMEOUT = 15000;
  var MAX_ENTRIES = 40;

  var editor = root.querySelector(".py-editor");
  var runButton = root.querySelector(".py-run");
  var stopButton = root.querySelector(".py-stop");
  var resetButton = root.querySelector(".py-reset");
  var copyButton = root.querySelector(".py-copy");
  var linkField = root.querySelector(".py-link");
  var examples = root.querySelector(".py-examples");
  var limitField = root.querySelector(".py-limit");
  var status = root.querySelector(".py-status");
  var progress = root.querySelector(".py-progress");
  var output = root.querySelector(".py-output");

  var startingCode = params.has("code") ? params.get("code") : editor.value;
  editor.value = startingCode;
  root.classList.add("py-ready");

  var worker = null, booted = false, booting = false, helloTimer = null;
  var queued = null, running = null, nextId = 1;
  var chunks = null;  // file://: the embedded runtime's chunks, kept to boot again after Stop

  function absolute(relative) { return new URL(relative, location.href).href; }

  function setStatus(message, kind) {
    status.textContent = message;
    status.className = "py-status" + (kind ? " py-status-" + kind : "");
  }

  function megabytes(bytes) { return (bytes / 1048576).toFixed(1) + " MB"; }

  function showProgress(loaded, total, what) {
    progress.hidden = false;
    progress.max = total;
    progress.value = Math.min(loaded, total);
    setStatus(what + " " + megabytes(loaded) + " of " + megabytes(total));
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  // ---- starting and stopping the worker ----

  function cannotStart(reason) {
    if (worker) worker.terminate();
    worker = null;
    booting = false;
    progress.hidden = true;
    var advice = fromDisk
      ? " This browser does not let a page opened from disk start the Python worker. Open the site over http instead: " +
        "in the unzipped folder run `python3 -m http.server 8000`, then visit http://localhost:8000/python.html " +
        "(or open this file in Chromium, Chrome or Edge, where it works from disk)."
      : " Reload the page to try again; if it keeps failing, your browser may be blocking Web Workers or WebAssembly.";
    setStatus("Python could not start: " + reason + "." + advice, "error");
    runButton.disabled = false;
    stopButton.disabled = true;
    if (queued) { addError(queued.entry, "Not run: Python could not start."); queued = null; }
  }

  function boot() {
    if (booted || booting) return;
    if (typeof WebAssembly !== "object") return cannotStart("this browser has no WebAssembly");
    if (typeof Worker !== "function") return cannotStart("this browser has no Web Workers");
    if (fromDisk && typeof DecompressionStream !== "function") return cannotStart("this browser has no DecompressionStream");
    booting = true;
    setStatus("Loading Python…");
    if (fromDisk) {
      (window.lodeWidgetWorkerSource ? Promise.resolve() : loadScript(config.worker)).then(function () {
        if (!startWorker("data:text/javascript;charset=utf-8," + encodeURIComponent(window.lodeWidgetWorkerSource))) return;
        return loadEmbedded().then(function () {
          if (worker) worker.postMessage({ type: "boot", mode: "file", indexURL: config.runtime, package: config.packageName, wheel: config.wheel });
        });
      }).catch(function (error) { cannotStart(String((error && error.message) || error)); });
    } else {
      if (!startWorker(config.worker)) return;
      worker.postMessage({
        type: "boot", mode: "http", indexURL: config.runtime, corpusURL: config.corpusJSON,
        package: config.packageName, sizes: config.sizes
      });
    }
  }

  function startWorker(url) {
    try {
      worker = new Worker(url, { type: "module" });
    } catch (error) {
      worker = null;
      cannotStart("the worker was refused (" + ((error && error.name) || "error") + ")");
      return false;
    }
    var thisWorker = worker;
    worker.onmessage = function (event) { if (worker === thisWorker) receive(event.data); };
    worker.onerror = function (event) {
      if (worker !== thisWorker) return;
      event.preventDefault();
      if (!booted) cannotStart("the worker failed (" + (event.message || "no reason given") + ")");
    };
    clearTimeout(helloTimer);
    helloTimer = setTimeout(function () {
      if (worker === thisWorker && !booted) cannotStart("the worker did not start within " + HELLO_TIMEOUT / 1000 + " s");
    }, HELLO_TIMEOUT);
    return true;
  }

  function loadScript(url) {
    return new Promise(function (resolve, reject) {
      var script = document.createElement("script");
      script.src = url;
      script.async = false;  // run in the order added: chunks arrive in order
      script.onload = function () { resolve(); };
      script.onerror = function () { reject(new Error("could not read " + url.split("/").pop() + " (is the copy complete?)")); };
      document.head.appendChild(script);
    });
  }

  // file://: read the runtime from classic scripts, chunk by chunk, and pass each to the worker
  // (which decodes it off this thread). Kept, so that a new worker after Stop needs no reading.
  function loadEmbedded() {
    if (chunks) {
      chunks.forEach(function (message) { worker.postMessage(message); });
      return Promise.resolve();
    }
    var received = [];
    var total = 0, loaded = 0;
    config.embeds.forEach(function (embed) { total += embed[3]; });
    window.lodeEmbed = function (name, index, count, data) {
      var message = { type: "chunk", name: name, index: index, count: count, data: data };
      received.push(message);
      if (worker) worker.postMessage(message);
      if (name === "corpus.json") return;  // not in the total: its size is not known in advance
      loaded += data.length;
      showProgress(loaded, total, "Loading Python…");
    };
    var urls = [];
    config.embeds.forEach(function (embed) {
      for (var i = 0; i < embed[1]; i++) urls.push(config.runtime + "embed/" + embed[0] + "." + i + ".js");
    });
    urls.push(config.corpusJS);
    showProgress(0, total, "Loading Python…");
    return Promise.all(urls.map(loadScript)).then(function () {
      chunks = received;
      setStatus("Starting Python…");
    });
  }

  function restart(reason) {
    if (worker) worker.terminate();
    worker = null;
    booted = false;
    booting = false;
    clearTimeout(helloTimer);
    if (running) {
      clearInterval(running.timer);
      addError(running.entry, reason);
      running = null;
    }
    runButton.disabled = false;
    stopButton.disabled = true;
    boot();  // a fresh interpreter, so the next query starts quickly
  }

  // ---- messages from the worker ----

  function receive(message) {
    if (!message || typeof message !== "object") return;
    if (message.type === "hello") {
      clearTimeout(helloTimer);
    } else if (message.type === "progress") {
      showProgress(message.loaded, message.total, "Loading Python…");
    } else if (message.type === "status") {
      setStatus(message.text);
    } else if (message.type === "ready") {
      booted = true;
      booting = false;
      progress.hidden = true;
      setStatus("Python is ready: " + message.articles + " articles, " + message.entities + " entities loaded (" +
        (message.ms / 1000).toFixed(1) + " s).", "ok");
      root.setAttribute("data-state", "ready");
      root.setAttribute("data-boot-phases", JSON.stringify(message.phases || {}));
      if (queued) { var next = queued; queued = null; send(next); }
    } else if (message.type === "fatal") {
      cannotStart(message.message);
    } else if (message.type === "stdout" || message.type === "stderr") {
      if (running && running.id === message.id) appendText(running.entry, message.type, message.text);
    } else if (message.type === "result") {
      if (running && running.id === message.id) finish(message);
    } else if (message.type === "crashed") {
      restart("Python stopped working (" + message.message + "): the query used up its memory or its stack. " +
        "A fresh Python is starting; your variables are gone.");
    }
  }

  // ---- running queries ----

  function run() {
    var code = editor.value;
    if (running || !code.trim()) return;
    var entry = addEntry(code);
    var job = { id: nextId++, code: code, entry: entry };
    runButton.disabled = true;
    stopButton.disabled = false;
    if (booted) {
      send(job);
    } else {
      if (queued) addError(queued.entry, "Replaced by a newer query.");
      queued = job;
      entry.meta.textContent = "Waiting for Python to start…";
      boot();
    }
  }

  function send(job) {
    var limit = Number(limitField.value) * 1000;
    var started = Date.now();
    running = job;
    job.timer = setInterval(function () {
      var elapsed = Date.now() - started;
      job.entry.meta.textContent = "Running… " + (elapsed / 1000).toFixed(1) + " s (time limit " + limit / 1000 + " s)";
      if (elapsed > limit) {
        restart("Stopped: the query ran past the " + limit / 1000 + " s time limit. Choose a longer limit, or ask for less. " +
          "Python restarted; your variables are gone.");
      }
    }, 100);
    root.setAttribute("data-state", "running");
    worker.postMessage({ type: "run", id: job.id, code: job.code });
  }

  function finish(message) {
    var job = running;
    running = null;
    clearInterval(job.timer);
    if (message.table) addTable(job.entry, message.table);
    if (message.value !== null && message.value !== undefined) job.entry.body.appendChild(el("pre", "py-value", message.value));
    if (message.error) addError(job.entry, message.error);
    job.entry.meta.textContent = (message.ok ? "Done" : "Error") + " in " + Math.max(1, Math.round(message.ms)) + " ms";
    job.entry.node.setAttribute("data-done", message.ok ? "ok" : "error");
    job.entry.node.scrollIntoView({ block: "nearest" });
    runButton.disabled = false;
    stopButton.disabled = true;
    root.setAttribute("data-state", "ready");
  }

  function stop() {
    if (running) restart("Stopped. Python restarted; your variables are gone.");
    else if (queued) { addError(queued.entry, "Stopped before it started."); queued = null; runButton.disabled = false; stopButton.disabled = true; }
  }

  function reset() {
    editor.value = startingCode;
    output.textContent = "";
    if (booted && !running) worker.postMessage({ type: "reset" });
    else if (running) restart("Reset.");
    setStatus(booted ? "Reset: the starting code is back, and your variables are gone." : "");
  }

  // ---- output, built from text only ----

  function addEntry(code) {
    while (output.children.length >= MAX_ENTRIES) output.removeChild(output.firstChild);
    var node = el("section", "py-entry");
    var body = el("div", "py-entry-body");
    node.appendChild(el("pre", "py-input", code));
    node.appendChild(body);
    var meta = el("p", "py-meta", "");
    node.appendChild(meta);
    output.appendChild(node);
    node.scrollIntoView({ block: "nearest" });
    return { node: node, body: body, meta: meta, stream: null };
  }

  function appendText(entry, kind, chunk) {
    if (!entry.stream || entry.stream.kind !== kind) {
      var pre = el("pre", "py-" + kind, "");
      entry.body.appendChild(pre);
      entry.stream = { kind: kind, node: pre };
    }
    entry.stream.node.appendChild(document.createTextNode(chunk));
  }

  function addError(entry, text) {
    entry.body.appendChild(el("pre", "py-error", text));
    entry.node.setAttribute("data-done", "error");
    entry.meta.textContent = "";
  }

  function addTable(entry, data) {
    var wrap = el("div", "py-table-wrap");
    // A wide table scrolls inside its wrap: focusable and named, so keyboard users can scroll it too.
    wrap.tabIndex = 0;
    wrap.setAttribute("role", "region");
    wrap.setAttribute("aria-label", data.title || "Query result table");
    if (data.title) wrap.appendChild(el("p", "py-table-title", data.title));
    if (!data.rows.length) {
      wrap.appendChild(el("p", "py-empty", "No rows."));
    } else {
      var table = el("table", "py-table");
      var head = table.createTHead().insertRow();
      data.columns.forEach(function (name) { head.appendChild(el("th", "", name)); });
      var tbody = table.createTBody();
      data.rows.forEach(function (row) {
        var tr = tbody.insertRow();
        row.forEach(function (cell) { tr.insertCell().textContent = cell; });
      });
      wrap.appendChild(table);
      if (data.total > data.rows.length) wrap.appendChild(el("p", "py-more", "First " + data.rows.length + " of " + data.total + " rows."));
    }
    entry.body.appendChild(wrap);
    entry.stream = null;
  }

  // ---- the editor ----

  editor.addEventListener("keydown", function (event) {
    if (event.key === "Enter" && (event.shiftKey || event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      run();
    } else if (event.key === "Tab" && !event.ctrlKey && !event.altKey && !editor.hasAttribute("data-tab-exits")) {
      event.preventDefault();
      indent(event.shiftKey);
    } else if (event.key === "Escape") {
      // Tab indents in the editor; after Escape, Tab moves on to the next control instead.
      editor.setAttribute("data-tab-exits", "");
    }
  });
  editor.addEventListener("blur", function () { editor.removeAttribute("data-tab-exits"); });

  function indent(outdent) {
    var value = editor.value, start = editor.selectionStart, end = editor.selectionEnd;
    var lineStart = value.lastIndexOf("\n", start - 1) + 1;
    if (!outdent && start === end) {
      editor.setRangeText("    ", start, end, "end");
      return;
    }
    var block = value.slice(lineStart, end);
    var changed = outdent ? block.replace(/^ {1,4}/gm, "") : block.replace(/^/gm, "    ");
    editor.setRangeText(changed, lineStart, end, "select");
  }

  runButton.addEventListener("click", run);
  stopButton.addEventListener("click", stop);
  resetButton.addEventListener("click", reset);
  examples.addEventListener("change", function () {
    if (!examples.value) return;
    editor.value = examples.value;
    examples.selectedIndex = 0;
    run();
  });

  // Links to a query always open the full Python page, also from its embedded twin.
  function shareLink() {
    return absolute(root.getAttribute("data-share-page")) + "?code=" + encodeURIComponent(editor.value) + "&run=1";
  }
  var openInLode = document.querySelector(".embed-bar a");
  if (openInLode) {
    // In an embed, "Open in Lode" takes the reader's current code along.
    var keepCode = function () { openInLode.href = shareLink().replace(/&run=1$/, ""); };
    editor.addEventListener("input", keepCode);
    keepCode();
  }

  copyButton.addEventListener("click", function () {
    var link = shareLink();
    linkField.value = link;
    linkField.hidden = false;
    linkField.select();
    var done = function () { setStatus("Link copied: it opens this page with your code and runs it."); };
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(link).then(done, function () { setStatus("Copy the selected link."); });
    } else {
      setStatus("Copy the selected link.");
    }
  });

  stopButton.disabled = true;
  if (params.get("run") === "1") run();
})();
