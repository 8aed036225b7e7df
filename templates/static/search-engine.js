/* Lode's search engine: lunr.js 2.3.9 over an index split into shards (extract/search.py).
 *
 * A query is parsed by lunr's own parser; the shards holding its terms (or, for min*, every
 * term starting "min") are loaded as classic scripts, which is the only way data reaches a
 * page opened from disk; and from what has been loaded a lunr.Index is rebuilt holding just
 * those terms. lunr.js then expands, matches and scores as usual. Its scores are unchanged:
 * lunr 2.3.9 divides the dot product of the query and field vectors by the norm of the
 * *query* vector, so a field vector's entries for terms outside the query never count.
 *
 * Text is folded the same way as in the index (extract/search.py `fold`, kept identical; a
 * test compares the two), and query terms are trimmed like document terms, so "café",
 * "Japan–Pakistan", "Pakistan’s" or "U.S." find what the page shows.
 *
 * No DOM here beyond what `load` does: the engine also runs under Node for the tests.
 */
(function (root) {
  "use strict";

  var FORMAT = 1;
  var LUNR_VERSION = "2.3.9";
  var APOSTROPHES = /['`\u00b4\u2018\u2019\u02bc]/g;
  var CJK = /[\u2e80-\u2fdf\u3040-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u{20000}-\u{3ffff}]/u;
  var DELETED = /^[\p{Mn}\p{Cf}]$/u;
  var SPACED = /^[\p{P}\p{S}\p{Z}\p{Cc}]$/u;
  var NON_ASCII = /[^\x00-\x7f]+/g;
  // Latin letters without an accent to drop, spelt out as extract/paths.py LATIN_LETTERS does (lower case).
  var LATIN_LETTERS = { "ı": "i", "ł": "l", "ø": "o", "đ": "d", "ð": "d", "þ": "th", "æ": "ae", "œ": "oe", "ß": "ss", "ħ": "h" };
  var LATIN = /[ıłøđðþæœßħ]/g;
  var SEPARATOR = /[\s\-]+/; // lunr.tokenizer.separator
  var EMPTY = {}; // the (empty) metadata of every posting; lunr only reads it
  var EMPTY_VECTOR = null; // made with the first Engine (it needs lunr); lunr never changes a field vector
  var foldedCharacters = Object.create(null);

  function foldCharacter(character) {
    var folded = foldedCharacters[character];
    if (folded === undefined) {
      if (DELETED.test(character)) folded = "";
      else if (SPACED.test(character)) folded = " ";
      else {
        folded = "_" + character.codePointAt(0) + "_";
        if (CJK.test(character)) folded = " " + folded + " ";
      }
      foldedCharacters[character] = folded;
    }
    return folded;
  }

  /* Text as the index saw it: see extract/search.py `fold`. */
  function fold(text) {
    text = String(text).toLowerCase().replace(APOSTROPHES, "").replace(LATIN, function (c) { return LATIN_LETTERS[c]; })
      .normalize("NFKD").replace(APOSTROPHES, "").replace(/\//g, " ");
    return text.replace(NON_ASCII, function (run) {
      var out = "";
      for (var character of run) out += foldCharacter(character);
      return out;
    });
  }

  function SearchError(reason, message, start, end) {
    this.name = "SearchError";
    this.reason = reason; // "syntax", "broad", "load" or "format"
    this.message = message;
    this.start = start;
    this.end = end;
  }
  SearchError.prototype = Object.create(Error.prototype);
  SearchError.prototype.constructor = SearchError;

  /* Data files push [kind, key, value] onto self.LODE_SEARCH, before or after the engine loads. */
  function received() {
    var queue = root.LODE_SEARCH;
    if (queue && queue.lodeStore) return queue.lodeStore;
    var store = Object.create(null);
    root.LODE_SEARCH = {
      lodeStore: store,
      push: function (item) { store[item[0] + ":" + item[1]] = item[2]; }
    };
    if (Array.isArray(queue)) queue.forEach(root.LODE_SEARCH.push);
    return store;
  }

  function successor(prefix) {
    var last = prefix.charCodeAt(prefix.length - 1);
    return last === 0xffff ? null : prefix.slice(0, -1) + String.fromCharCode(last + 1);
  }

  /*
   * options.lunr       the lunr function (lunr.js 2.3.9)
   * options.load       (url, kind, key) -> Promise, resolved once the classic script at url has run
 *                    (or, in a worker, once the page has passed on the [kind, key, value] it held)
   * options.index      URL of search/index.js; the site's root is the folder above it
   * options.normalise  false: no folding, lunr's stock search pipeline (for comparisons)
   * options.maxLoad    bytes of shards one query may load before it is called too broad
   */
  function Engine(options) {
    var lunr = options.lunr;
    if (!lunr || lunr.version !== LUNR_VERSION) throw new SearchError("format", "Lode's search needs lunr.js " + LUNR_VERSION);
    this.lunr = lunr;
    EMPTY_VECTOR = EMPTY_VECTOR || new lunr.Vector();
    this.load = options.load;
    this.indexUrl = options.index;
    this.root = options.index.replace(/search\/index\.js$/, "");
    this.normalise = options.normalise !== false;
    this.maxLoad = options.maxLoad || 3e6;
    this.store = received();
    this.scripts = Object.create(null); // url -> Promise
    this.loaded = Object.create(null); // shard number -> true
    this.entries = Object.create(null); // term -> [term, term number, postings of each field]
    this.postings = Object.create(null); // term -> lunr's posting, decoded when first needed
    this.vectorsOf = Object.create(null); // term -> its field vectors (see posting)
    this.terms = [];
    this.tokenSet = null;
    this.docs = Object.create(null);
    this.last = null;
    if (this.normalise) {
      var trim = function (token) {
        var trimmed = lunr.trimmer(token);
        return trimmed.toString() === "" ? undefined : trimmed; // "$" or "--" alone: no term at all
      };
      lunr.Pipeline.registerFunction(trim, "lodeQueryTrimmer");
      this.pipeline = new lunr.Pipeline();
      this.pipeline.add(trim, lunr.stemmer);
    } else {
      this.pipeline = lunr.Pipeline.load(["stemmer"]);
    }
  }

  Engine.prototype.script = function (url, kind, key) {
    var store = this.store, name = kind + ":" + key;
    if (name in store) return Promise.resolve(store[name]);
    if (!this.scripts[url]) {
      this.scripts[url] = this.load(url, kind, key).then(function () {
        if (!(name in store)) throw new SearchError("load", url + " did not hold the expected search data");
        return store[name];
      }, function () {
        throw new SearchError("load", "could not load " + url);
      });
      this.scripts[url].catch(function () {}); // reported to whoever awaits it
    }
    return this.scripts[url];
  };

  Engine.prototype.ready = function () {
    var self = this;
    if (!this.manifestPromise) {
      this.manifestPromise = this.script(this.indexUrl, "manifest", FORMAT).then(function (manifest) {
        if (manifest.format !== FORMAT || manifest.lunr !== LUNR_VERSION) {
          throw new SearchError("format", "the search index was built for another version of this page; reload it");
        }
        self.manifest = manifest;
        self.fields = manifest.fields;
        self.folder = self.root + manifest.folder;
        return self;
      });
    }
    return this.manifestPromise;
  };

  /* The shard a term would be in: the last one starting at or before it. */
  Engine.prototype.shardOf = function (term) {
    var shards = this.manifest.shards, low = 0, high = shards.length - 1;
    while (low < high) {
      var middle = (low + high + 1) >> 1;
      if (shards[middle][0] <= term) low = middle;
      else high = middle - 1;
    }
    return low;
  };

  /* The shards holding the terms that start with `prefix` ("" for all). */
  Engine.prototype.shardsWithPrefix = function (prefix) {
    var shards = this.manifest.shards, out = [], end = prefix ? successor(prefix) : null;
    var start = prefix ? this.shardOf(prefix) : 0;
    for (var i = start; i < shards.length; i++) {
      if (i > start && end !== null && shards[i][0] >= end) break;
      out.push(i);
    }
    return out;
  };

  /* lunr's parse of the query, and the shards its terms can be in. Throws on a syntax error. */
  Engine.prototype.plan = function (text) {
    var lunr = this.lunr, self = this, needed = Object.create(null);
    var query = new lunr.Query(this.fields);
    try {
      new lunr.QueryParser(text, query).parse();
    } catch (error) {
      if (error instanceof lunr.QueryParseError) throw new SearchError("syntax", error.message, error.start, error.end);
      throw error;
    }
    query.clauses.forEach(function (clause) {
      var terms = clause.usePipeline ? self.pipeline.runString(clause.term, { fields: clause.fields }) : [clause.term];
      terms.forEach(function (term) {
        var star = term.indexOf("*");
        // A fuzzy term (copper~1) may differ in its first letter: it can be in any shard.
        var shards = clause.editDistance ? self.shardsWithPrefix("")
          : star >= 0 ? self.shardsWithPrefix(term.slice(0, star)) : [self.shardOf(term)];
        shards.forEach(function (shard) { needed[shard] = true; });
      });
    });
    return { query: query, shards: Object.keys(needed).map(Number).filter(function (n) { return !self.loaded[n]; }) };
  };

  Engine.prototype.loadShards = function (numbers) {
    var self = this, shards = this.manifest.shards, bytes = 0;
    numbers.forEach(function (n) { bytes += shards[n][1]; });
    if (bytes > this.maxLoad) {
      return Promise.reject(new SearchError("broad", "this search would load " + Math.round(bytes / 1e6) + " MB of the index"));
    }
    return Promise.all(numbers.map(function (n) {
      return self.script(self.folder + "shards/" + n + ".js", "shard", n).then(function (entries) {
        if (!self.loaded[n]) self.addShard(n, entries);
      });
    }));
  };

  /* A shard's terms join the token set; their postings are decoded when a query needs them. */
  Engine.prototype.addShard = function (number, entries) {
    for (var e = 0; e < entries.length; e++) {
      this.entries[entries[e][0]] = entries[e];
      this.terms.push(entries[e][0]);
    }
    this.loaded[number] = true;
    this.tokenSet = null;
    delete this.store["shard:" + number];
  };

  /* lunr's posting for a term, {_index, field: {ref: metadata}} (no metadata is kept), and the
   * term's field vectors: {"field/ref": lunr.Vector([term number, score])}. Decoded once, when a
   * query first needs the term. */
  Engine.prototype.posting = function (term) {
    var posting = this.postings[term];
    if (posting) return posting;
    var entry = this.entries[term], fields = this.fields, lunr = this.lunr, termIndex = entry[1];
    var refs = [], vectors = [];
    posting = { _index: termIndex };
    for (var f = 0; f < fields.length; f++) {
      var flat = entry[2 + f] || [], documents = {}, ref = 0;
      for (var i = 0; i < flat.length; i += 2) {
        ref += flat[i];
        documents[ref] = EMPTY;
        refs.push(fields[f] + "/" + ref);
        vectors.push(new lunr.Vector([termIndex, flat[i + 1] / 1000]));
      }
      posting[fields[f]] = documents;
    }
    this.vectorsOf[term] = { refs: refs, vectors: vectors };
    return (this.postings[term] = posting);
  };

  /* The terms lunr will look up for this query: each clause's terms through the pipeline, expanded
   * against the token set (wildcards, edit distance) exactly as lunr.Index.query does. */
  Engine.prototype.expand = function (query) {
    var lunr = this.lunr, self = this, found = Object.create(null);
    query.clauses.forEach(function (clause) {
      var terms = clause.usePipeline ? self.pipeline.runString(clause.term, { fields: clause.fields }) : [clause.term];
      terms.forEach(function (term) {
        var copy = Object.assign({}, clause, { term: term });
        self.tokenSet.intersect(lunr.TokenSet.fromClause(copy)).toArray().forEach(function (expanded) {
          found[expanded] = true;
        });
      });
    });
    return Object.keys(found);
  };

  /*
   * A lunr.Index for one query, holding what lunr will read: every loaded term in the token set; the
   * postings of the terms the query expands to; and field vectors with those terms' entries, by term
   * number as lunr orders them. lunr scores a field by query . field vector / |query vector|, so the
   * vectors' other entries would add nothing.
   */
  Engine.prototype.lunrIndex = function (text) {
    var lunr = this.lunr, fields = this.fields, self = this, invertedIndex = Object.create(null), vectors = {};
    if (!this.tokenSet) {
      this.terms.sort(); // lunr's token set wants its words in JavaScript's order
      this.tokenSet = lunr.TokenSet.fromArray(this.terms);
    }
    var query = new lunr.Query(fields);
    new lunr.QueryParser(text, query).parse();
    var terms = this.expand(query);
    terms.forEach(function (term) { invertedIndex[term] = self.posting(term); });
    if (query.isNegated()) {
      // Only prohibited terms (-lithium): lunr then goes through every field vector, in the order
      // it made them (documents by ref in string order, then fields), and scores them all 0.
      var refs = [];
      for (var n = 0; n < this.manifest.docs; n++) refs.push(String(n));
      refs.sort().forEach(function (ref) {
        fields.forEach(function (field) { vectors[field + "/" + ref] = EMPTY_VECTOR; });
      });
    }
    // By term number, so that a field's entries from several terms come out in lunr's order.
    terms.sort(function (a, b) { return invertedIndex[a]._index - invertedIndex[b]._index; });
    terms.forEach(function (term) {
      var own = self.vectorsOf[term];
      for (var i = 0; i < own.refs.length; i++) {
        var fieldRef = own.refs[i], earlier = vectors[fieldRef];
        vectors[fieldRef] = earlier && earlier !== EMPTY_VECTOR
          ? new lunr.Vector(earlier.elements.concat(own.vectors[i].elements)) // never change a shared vector
          : own.vectors[i];
      }
    });
    return new lunr.Index({ invertedIndex: invertedIndex, fieldVectors: vectors, tokenSet: this.tokenSet,
      fields: fields, pipeline: this.pipeline });
  };

  /* Every match, in lunr's order: [{ref, score, matchData}]. */
  Engine.prototype.rank = function (text) {
    var self = this, plan;
    try {
      plan = this.plan(text);
    } catch (error) {
      return Promise.reject(error);
    }
    return this.loadShards(plan.shards).then(function () {
      return self.lunrIndex(text).search(text);
    });
  };

  Engine.prototype.kindOf = function (ref) {
    return Number(ref) < this.manifest.articles ? "article" : "entity";
  };

  Engine.prototype.doc = function (ref) {
    var self = this;
    if (this.docs[ref]) return Promise.resolve(this.docs[ref]);
    return this.script(this.folder + "docs/" + ref + ".js", "doc", ref).then(function (doc) {
      delete self.store["doc:" + ref];
      return (self.docs[ref] = doc);
    });
  };

  /*
   * search(text, {kind: "article" | "entity" (default: both), limit, words})
   * -> Promise of {total, results: [{ref, score, kind, terms, fields, doc, title, snippet}]}: the
   * first `limit` matches of that kind in lunr's order, each with the index terms it matched, the
   * fields they matched in, its record (title, source, date, path; not the text), and its title and
   * a snippet of about `words` words (an entity: its other names) as pieces to display (see snippet).
   */
  Engine.prototype.search = function (text, options) {
    var self = this, kind = options && options.kind, limit = (options && options.limit) || 10;
    var words = options && options.words !== undefined ? options.words : 30;
    return this.ready().then(function () {
      var query = self.normalise ? fold(text) : text;
      if (!self.last || self.last.query !== query) self.last = { query: query, ranking: self.rank(query) };
      return self.last.ranking;
    }).then(function (ranking) {
      var matches = kind ? ranking.filter(function (match) { return self.kindOf(match.ref) === kind; }) : ranking;
      var top = matches.slice(0, limit);
      return Promise.all(top.map(function (match) { return self.doc(match.ref); })).then(function (docs) {
        return {
          total: matches.length,
          results: top.map(function (match, i) {
            var metadata = match.matchData.metadata, fields = {}, doc = docs[i], terms = Object.keys(metadata);
            Object.keys(metadata).forEach(function (term) {
              Object.keys(metadata[term]).forEach(function (field) { fields[field] = true; });
            });
            var shown = { k: doc.k, t: doc.t, s: doc.s, d: doc.d, p: doc.p, a: doc.a, c: doc.c };
            var snippet = doc.k === "e" ? self.snippet((doc.a || []).join(", "), terms, 0)
              : words ? self.snippet(doc.x, terms, words) : [];
            return { ref: match.ref, score: match.score, kind: self.kindOf(match.ref), terms: terms,
              fields: Object.keys(fields), doc: shown, title: self.snippet(doc.t, terms, 0), snippet: snippet };
          })
        };
      });
    });
  };

  /* The index terms a word of the page stands for: folded, split, trimmed and stemmed as indexed. */
  Engine.prototype.termsOf = function (word) {
    var lunr = this.lunr, cache = this.wordTerms || (this.wordTerms = Object.create(null)), out = cache[word];
    if (out) return out;
    out = [];
    (this.normalise ? fold(word) : word.toLowerCase()).split(SEPARATOR).forEach(function (piece) {
      if (!piece) return;
      var term = lunr.stemmer(lunr.trimmer(new lunr.Token(piece))).toString();
      if (term) out.push(term);
    });
    return (cache[word] = out);
  };

  /*
   * `text` cut to about `words` words around the most matches of `terms` (index terms, as in a
   * result's `terms`), as [{text, match}] pieces; the whole text when `words` is 0. Pieces are
   * plain text: the page puts them in text nodes and <mark> elements, never in markup.
   */
  Engine.prototype.snippet = function (text, terms, words) {
    var wanted = Object.create(null), self = this, tokens = [], pattern = /[^\s\-]+/g, found;
    terms.forEach(function (term) { wanted[term] = true; });
    while ((found = pattern.exec(text))) {
      var word = found[0];
      var hit = self.termsOf(word).some(function (term) { return wanted[term]; });
      tokens.push({ start: found.index, end: found.index + word.length, hit: hit });
    }
    var first = 0, last = tokens.length;
    if (words && tokens.length > words) {
      var best = -1, hits = 0, i;
      for (i = 0; i < tokens.length; i++) {
        hits += tokens[i].hit ? 1 : 0;
        if (i >= words) hits -= tokens[i - words].hit ? 1 : 0;
        if (i >= words - 1 && hits > best) { best = hits; first = i - words + 1; }
      }
      if (best > 0) { // start a little before the first match of the window
        for (i = first; !tokens[i].hit; i++);
        first = Math.max(0, Math.min(i - 3, tokens.length - words));
      }
      last = first + words;
    }
    var pieces = [], position = first < tokens.length ? tokens[first].start : 0;
    if (first > 0) pieces.push({ text: "… ", match: false });
    for (var t = first; t < last && t < tokens.length; t++) {
      var token = tokens[t];
      if (!token.hit) continue;
      // Highlight the word, not the punctuation around it ("copper," or "(JICA)").
      var word = text.slice(token.start, token.end);
      var lead = /^[^\p{L}\p{N}\p{M}]*/u.exec(word)[0].length, tail = /[^\p{L}\p{N}\p{M}]*$/u.exec(word)[0].length;
      if (lead + tail >= word.length) lead = tail = 0;
      var start = token.start + lead, end = token.end - tail;
      if (start > position) pieces.push({ text: text.slice(position, start), match: false });
      pieces.push({ text: text.slice(start, end), match: true });
      position = end;
    }
    var stop = last < tokens.length ? tokens[last - 1].end : text.length;
    if (stop > position) pieces.push({ text: text.slice(position, stop), match: false });
    if (last < tokens.length) pieces.push({ text: " …", match: false });
    return pieces;
  };

  /*
   * In a Web Worker (search.js makes one from search/worker.js, which holds lunr.js and this file as
   * text, so that it works from file:// too): the page sends {type: "search", id, index, query,
   * options}; the engine asks the page for each file it needs ({type: "load", id, url, kind, key}),
   * since a worker made from a blob cannot load files from disk; the page loads the script and
   * answers {type: "loaded", id, item: [kind, key, value]} or {type: "loaded", id, error}; the
   * engine answers {type: "found", id, found} or {type: "found", id, error: {reason, message}}. It says
 * {type: "ready"} once it runs, so that the page can fall back to running the engine itself.
   */
  function serveInWorker(scope) {
    var engine = null, waiting = Object.create(null), counter = 0;
    function loadThroughPage(url, kind, key) {
      return new Promise(function (resolve, reject) {
        var id = ++counter;
        waiting[id] = { resolve: resolve, reject: reject };
        scope.postMessage({ type: "load", id: id, url: url, kind: kind, key: key });
      });
    }
    scope.onmessage = function (event) {
      var message = event.data;
      if (message.type === "loaded") {
        var wait = waiting[message.id];
        delete waiting[message.id];
        if (message.error) wait.reject(new Error(message.error));
        else {
          scope.LODE_SEARCH.push(message.item);
          wait.resolve();
        }
      } else if (message.type === "search") {
        try {
          engine = engine || new Engine({ lunr: scope.lunr, load: loadThroughPage, index: message.index });
        } catch (error) {
          scope.postMessage({ type: "found", id: message.id, error: { reason: error.reason || "format", message: String(error.message) } });
          return;
        }
        engine.search(message.query, message.options).then(function (found) {
          scope.postMessage({ type: "found", id: message.id, found: found });
        }, function (error) {
          scope.postMessage({ type: "found", id: message.id,
            error: { reason: error.reason || "load", message: String(error.message), start: error.start, end: error.end } });
        });
      }
    };
  }

  var api = { Engine: Engine, SearchError: SearchError, fold: fold, FORMAT: FORMAT };
  if (typeof WorkerGlobalScope !== "undefined" && root instanceof WorkerGlobalScope) {
    received(); // this worker's self.LODE_SEARCH
    serveInWorker(root);
    root.postMessage({ type: "ready" });
  }
  root.LodeSearchEngine = api;
  if (typeof module === "object" && module.exports) module.exports = api;
})(typeof self !== "undefined" ? self : globalThis);
