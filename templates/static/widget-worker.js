/* Lode's Python widget, the worker: boots Pyodide off the page's thread and runs queries.
 *
 * One file, two lives. Over http it is a module worker (new Worker(url, {type: "module"})) and
 * imports pyodide.mjs. From disk (file://) browsers refuse workers from files and block fetch(),
 * so the page loads this file as a classic script, which only hands over its own source; the page
 * starts it as a data: module worker and posts it the runtime in base64 chunks (embedded by the
 * build in classic scripts). The worker decodes them and answers Pyodide's fetches from memory.
 *
 * Messages in: chunk {name, index, count, data}, boot {mode, indexURL, corpusURL, package, sizes},
 * run {id, code}, reset. Messages out: hello, progress {loaded, total}, status {text},
 * ready {articles, entities, ms}, stdout/stderr {id, text}, result {id, ok, value, table, error, ms},
 * fatal {message}, crashed {id, message}. Only the page that created a worker can talk to it.
 *
 * A query may be someone else's (python.html?code=…&run=1), so the worker locks its network before
 * it says "ready": after Pyodide, the package and the corpus have loaded, every way to send a
 * request refuses (see lockNetwork). While booting, fetch reaches only the runtime's own folder
 * (pyodide-<hash>/) and the corpus. The site's CSP is no guard from disk or on another host.
 */
function lodeWidgetWorker(scope) {
  "use strict";
  var HOME = "/home/pyodide";
  var CORPUS_PATH = HOME + "/data/corpus.json";
  var decoders = {};  // name -> {count, next, pending, writer, bytes: Promise<Uint8Array>}
  var session = null;
  var pyodide = null;
  var currentId = null;

  function post(message) { scope.postMessage(message); }

  function base64Bytes(text) {
    if (typeof Uint8Array.fromBase64 === "function") return Uint8Array.fromBase64(text);
    var binary = atob(text);
    var bytes = new Uint8Array(binary.length);
    for (var i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  }

  // Each embedded file is one gzip stream split over several chunks: decode as they arrive.
  function decoder(name, count) {
    if (!decoders[name]) {
      var stream = new DecompressionStream("gzip");
      decoders[name] = {
        count: count, next: 0, pending: {}, writer: stream.writable.getWriter(),
        bytes: new Response(stream.readable).arrayBuffer().then(function (buffer) { return new Uint8Array(buffer); })
      };
    }
    return decoders[name];
  }

  function receiveChunk(message) {
    var entry = decoder(message.name, message.count);
    entry.pending[message.index] = message.data;
    while (entry.pending[entry.next] !== undefined) {
      var data = entry.pending[entry.next];
      delete entry.pending[entry.next];
      entry.writer.write(base64Bytes(data));
      entry.next += 1;
      if (entry.next === entry.count) entry.writer.close();
    }
  }

  function embedded(name) {
    if (!decoders[name]) return Promise.reject(new Error("the page sent no " + name));
    return decoders[name].bytes;
  }

  function text(bytes) { return new TextDecoder().decode(bytes); }

  // Pyodide calls fetch() for the wasm, the standard library and packages; it looks fetch up
  // at call time, so replacing it here is enough. Files not in `table` go to the real fetch.
  function serveFromMemory(table) {
    var realFetch = scope.fetch.bind(scope);
    scope.fetch = function (input, init) {
      var url = typeof input === "string" ? input : (input && input.url) || String(input);
      if (Object.prototype.hasOwnProperty.call(table, url)) {
        var type = /\.wasm$/.test(url) ? "application/wasm" : "application/octet-stream";
        return Promise.resolve(new Response(table[url], { headers: { "Content-Type": type } }));
      }
      return realFetch(input, init);
    };
  }

  // Over http: count the bytes of the big downloads as they stream in, for the progress bar.
  // A clone is read for counting and the original goes to Pyodide untouched: a Response of our
  // own would lose its URL, and with it Chromium's cache of the compiled wasm.
  function countDownloads(sizes, indexURL) {
    var realFetch = scope.fetch.bind(scope);
    var total = 0, loaded = 0, last = 0;
    var counted = {};
    Object.keys(sizes).forEach(function (name) { counted[indexURL + name] = true; total += sizes[name]; });
    scope.fetch = function (input, init) {
      var url = typeof input === "string" ? input : (input && input.url) || String(input);
      return realFetch(input, init).then(function (response) {
        if (!counted[url] || !response.ok || !response.body) return response;
        var reader = response.clone().body.getReader();
        var pump = function () {
          return reader.read().then(function (step) {
            if (step.done) return;
            loaded += step.value.byteLength;
            var now = Date.now();
            if (now - last > 100 || loaded >= total) { last = now; post({ type: "progress", loaded: loaded, total: total }); }
            return pump();
          });
        };
        pump().catch(function () {});
        return response;
      });
    };
    post({ type: "progress", loaded: 0, total: total });
  }

  // ---- the network lock ----

  var LOCKED = "Lode's Python cannot reach the network: queries work on the corpus that is already loaded";

  function urlOf(input) {
    var raw = typeof input === "string" ? input : (input && input.url) || String(input);
    try { return new URL(raw, scope.location.href).href; } catch (error) { return null; }
  }

  // While booting: only Pyodide's loader and the corpus fetch, and only their own files.
  function bootFetch(indexURL, corpusURL) {
    var realFetch = scope.fetch.bind(scope);
    scope.fetch = function (input, init) {
      var url = urlOf(input);
      if (url === null || (url.indexOf(indexURL) !== 0 && url !== corpusURL)) {
        return Promise.reject(new TypeError("the widget's worker fetches only its own files, not " + url));
      }
      return realFetch(input, init);
    };
  }

  function refusing(name, what) {
    var refuse = function () { throw new TypeError(LOCKED + " (" + what + " is switched off)."); };
    Object.defineProperty(refuse, "name", { value: name });
    return refuse;
  }

  // Replace a property for good: on `target` and (for the scope's and navigator's interfaces)
  // wherever its prototype chain defines it, so that neither `delete` nor a lookup on a prototype
  // brings the original back.
  function seal(target, name, value, ownOnly) {
    for (var object = target; object; object = ownOnly ? null : Object.getPrototypeOf(object)) {
      var descriptor = Object.getOwnPropertyDescriptor(object, name);
      if (descriptor && !descriptor.configurable) throw new Error("cannot lock " + name);
      if (descriptor || object === target) {
        Object.defineProperty(object, name, { value: value, writable: false, configurable: false, enumerable: false });
      }
    }
  }

  // Every route a query could take to the network, from Python (`js`, `pyodide.http`,
  // `pyodide_js`, sockets, which Emscripten turns into WebSockets) or from JavaScript it manages to
  // run. Pyodide looks these globals up when it calls them, so replacing them is enough. import()
  // is syntax and cannot be replaced: what is locked is every way to run new JavaScript source
  // (eval, the Function constructors, setTimeout with a string), as the site's CSP does over http.
  function lockNetwork(pyodide) {
    scope.fetch = refusing("fetch", "fetch");  // replaced first: it may already be a wrapper of ours
    seal(scope, "fetch", scope.fetch);
    [
      ["XMLHttpRequest", "XMLHttpRequest"], ["WebSocket", "WebSocket"], ["WebSocketStream", "WebSocket"],
      ["EventSource", "EventSource"], ["WebTransport", "WebTransport"], ["importScripts", "importScripts"],
      ["Worker", "starting another worker"], ["SharedWorker", "starting another worker"],
      ["FontFace", "loading fonts"], ["eval", "running JavaScript source"]
    ].forEach(function (entry) { seal(scope, entry[0], refusing(entry[0], entry[1])); });
    // Pyodide calls JavaScript through Function.prototype.apply, looked up on the global Function:
    // the stand-in keeps the real prototype (and with it `instanceof Function`).
    var functionStandIn = refusing("Function", "running JavaScript source");
    functionStandIn.prototype = Function.prototype;
    seal(scope, "Function", functionStandIn);
    ["caches", "fonts"].forEach(function (name) { seal(scope, name, undefined); });
    if (scope.navigator) seal(scope.navigator, "serviceWorker", undefined);
    [function () {}, async function () {}, function* () {}, async function* () {}].forEach(function (fn) {
      // Only the function prototype's own `constructor`: Object.prototype's up the chain stays.
      seal(Object.getPrototypeOf(fn), "constructor", refusing(fn.constructor.name, "running JavaScript source"), true);
    });
    ["setTimeout", "setInterval"].forEach(function (name) {
      var timer = scope[name].bind(scope);
      seal(scope, name, function (callback) {
        if (typeof callback !== "function") throw new TypeError(LOCKED + " (" + name + " with a string is switched off).");
        return timer.apply(null, arguments);
      });
    });
    var loadPackage = pyodide.loadPackage.bind(pyodide);
    var loaded = pyodide.loadedPackages;
    // Packages are all in by now; asking for one again is harmless, asking for any other is refused.
    seal(pyodide, "loadPackage", function (names) {
      var wanted = [].concat(names && typeof names.toJs === "function" ? names.toJs() : names);
      var missing = wanted.filter(function (name) { return !Object.prototype.hasOwnProperty.call(loaded, String(name)); });
      if (missing.length) throw new TypeError(LOCKED + " (loading " + missing.join(", ") + " is switched off).");
      return loadPackage(names, { messageCallback: function () {} });
    });
    ["loadPackagesFromImports", "mountNativeFS"].forEach(function (name) {
      if (name in pyodide) seal(pyodide, name, refusing(name, name));
    });
  }

  function emit(kind, chunk) { post({ type: kind, id: currentId, text: chunk }); }

  async function boot(message) {
    var started = Date.now();
    var phases = {};  // how long each step took, for the benchmark
    var last = started;
    var mark = function (name) { var now = Date.now(); phases[name] = now - last; last = now; };
    var indexURL = message.indexURL;
    // packageBaseUrl: without it Pyodide would look for packages on its CDN (see tests/test_supply_chain.py).
    var options = { indexURL: indexURL, packageBaseUrl: indexURL, stdout: function () {}, stderr: function () {} };
    var corpus, loadPyodide;
    bootFetch(indexURL, message.corpusURL);
    if (message.mode === "file") {
      post({ type: "status", text: "Starting Python…" });
      var names = ["pyodide.js", "pyodide.asm.js", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json", message.wheel];
      var files = await Promise.all(names.map(embedded));
      mark("decode");
      corpus = await embedded("corpus.json");
      var table = {};
      table[indexURL + "pyodide.asm.wasm"] = files[2];
      table[indexURL + "python_stdlib.zip"] = files[3];
      table[indexURL + message.wheel] = files[5];
      serveFromMemory(table);
      scope.lodePyodideAsmURL = indexURL + "pyodide.asm.mjs";
      // The build made these classic scripts; indirect eval runs them in the global scope.
      (0, eval)(text(files[0]));
      (0, eval)(text(files[1]));
      options.createPyodideModule = scope.lodeCreatePyodideModule;
      options.lockFileContents = JSON.parse(text(files[4]));
      loadPyodide = scope.loadPyodide;
    } else {
      countDownloads(message.sizes, indexURL);
      var loader = await import(indexURL + "pyodide.mjs");
      mark("loader");
      loadPyodide = loader.loadPyodide;
      options.lockFileURL = indexURL + "pyodide-lock.json";  // absolute: a relative one breaks package loads
    }
    pyodide = await loadPyodide(options);
    mark("python");
    post({ type: "status", text: "Loading the corpus…" });
    var packageErrors = [];  // loadPackage reports failures here and still resolves
    await pyodide.loadPackage(message.package, {
      messageCallback: function () {}, errorCallback: function (text) { packageErrors.push(text); }
    });
    if (packageErrors.length) throw new Error("could not install " + message.package + ": " + packageErrors.join("; "));
    mark("package");
    if (message.mode !== "file") {
      var response = await fetch(message.corpusURL);
      if (!response.ok) throw new Error("could not read the corpus (" + response.status + " " + message.corpusURL + ")");
      corpus = new Uint8Array(await response.arrayBuffer());
    }
    pyodide.FS.mkdirTree(HOME + "/data");
    pyodide.FS.writeFile(CORPUS_PATH, corpus);
    var widget = pyodide.pyimport("lode_corpus._widget");
    session = widget.start(CORPUS_PATH, emit);
    widget.destroy();
    var counts = pyodide.runPython("import lode_corpus\n[len(lode_corpus.articles), len(lode_corpus.entities)]");
    var numbers = counts.toJs();
    counts.destroy();
    lockNetwork(pyodide);
    mark("corpus");
    post({ type: "ready", articles: numbers[0], entities: numbers[1], ms: Date.now() - started, phases: phases });
  }

  function run(message) {
    currentId = message.id;
    var started = performance.now();
    try {
      var answer = JSON.parse(session.run_json(message.code));
      answer.type = "result";
      answer.id = message.id;
      answer.ms = performance.now() - started;
      post(answer);
    } catch (error) {
      // Not a Python exception (those come back in the answer): Pyodide itself failed, for
      // example when the wasm memory ran out. This worker is done; the page starts another.
      post({ type: "crashed", id: message.id, message: String((error && error.message) || error) });
    }
    currentId = null;
  }

  scope.onmessage = function (event) {
    var message = event.data;
    if (!message || typeof message !== "object") return;
    if (message.type === "chunk") {
      receiveChunk(message);
    } else if (message.type === "boot") {
      boot(message).catch(function (error) {
        post({ type: "fatal", message: String((error && error.message) || error) });
      });
    } else if (message.type === "run" && session) {
      run(message);
    } else if (message.type === "reset" && session) {
      session.reset();
    }
  };
  post({ type: "hello" });
}

if (typeof WorkerGlobalScope !== "undefined" && self instanceof WorkerGlobalScope) {
  lodeWidgetWorker(self);
} else {
  // On a page (file:// only): hand over the source, to be started as a data: module worker.
  window.lodeWidgetWorkerSource = "(" + lodeWidgetWorker.toString() + ")(self);\n";
}
