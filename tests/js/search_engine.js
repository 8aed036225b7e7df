#!/usr/bin/env node
// Runs Lode's browser search engine (templates/static/search-engine.js) under Node, over a
// built site's search files, for tests/test_search.py. Reads one JSON request on stdin and
// prints one JSON answer.
//
//   fold      {"texts": [...]}                       -> [folded text, ...]
//   search    {"site", "queries", "kind", "limit",
//              "maxLoad"}                                -> {query: {"total", "results": [...]}}
//                                                        or {query: {"error": reason, "message"}}
//   compare   {"site", "documents", "fields", "queries", "normalise"}
//             -> {query: {"engine": [[ref, score], ...], "single": [[ref, score], ...]}}: every
//                match, in order, from the sharded engine and from one lunr.js index that
//                lunr.js builds here from the same documents (queried the same way)
//   snippet   {"site", "text", "terms", "words"}      -> [[text, match], ...]
'use strict'

const fs = require('fs')
const path = require('path')
const vm = require('vm')

const ROOT = path.join(__dirname, '..', '..')
globalThis.self = globalThis
const lunr = require(path.join(ROOT, 'node_modules', 'lunr'))
const { Engine, fold } = require(path.join(ROOT, 'templates', 'static', 'search-engine.js'))

function engineFor (site, normalise, maxLoad) {
  // What a <script src> does: run the file; `url` is a path under the site.
  const load = (url) => new Promise((resolve, reject) => {
    let code
    try {
      code = fs.readFileSync(path.join(site, url), 'utf8')
    } catch (error) {
      reject(error)
      return
    }
    vm.runInThisContext(code, { filename: url })
    resolve()
  })
  return new Engine({ lunr, load, index: 'search/index.js', normalise, maxLoad })
}

async function search (request) {
  const engine = engineFor(request.site, request.normalise, request.maxLoad)
  const answers = {}
  for (const query of request.queries) {
    try {
      answers[query] = await engine.search(query, { kind: request.kind, limit: request.limit || 10 })
    } catch (error) {
      answers[query] = { error: error.reason || 'exception', message: String(error.message) }
    }
  }
  return answers
}

async function compare (request) {
  const normalise = request.normalise !== false
  const engine = engineFor(request.site, normalise)
  await engine.ready()
  // Documents go in by ref in JavaScript's string order, as extract/lunr_compat.py adds them:
  // the order decides lunr's term numbers, and so the order in which scores are summed.
  const documents = request.documents.slice().sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  const single = lunr(function () {
    this.ref('id')
    for (const field of request.fields) this.field(field.name, { boost: field.boost })
    for (const document of documents) this.add(document)
  })
  single.pipeline = engine.pipeline // the same query pipeline on both sides
  const answers = {}
  for (const query of request.queries) {
    const text = normalise ? fold(query) : query
    const answer = {}
    try {
      answer.engine = (await engine.rank(text)).map((r) => [r.ref, r.score])
    } catch (error) {
      answer.engine = { error: error.reason || 'exception', message: String(error.message) }
    }
    try {
      answer.single = single.search(text).map((r) => [r.ref, r.score])
    } catch (error) {
      answer.single = { error: 'syntax', message: String(error.message) }
    }
    answers[query] = answer
  }
  return answers
}

async function snippet (request) {
  const engine = engineFor(request.site || '.', true)
  return engine.snippet(request.text, request.terms, request.words || 0).map((piece) => [piece.text, piece.match])
}

async function main () {
  const mode = process.argv[2]
  const request = JSON.parse(fs.readFileSync(0, 'utf8'))
  let answer
  if (mode === 'fold') answer = request.texts.map(fold)
  else if (mode === 'search') answer = await search(request)
  else if (mode === 'compare') answer = await compare(request)
  else if (mode === 'snippet') answer = await snippet(request)
  else throw new Error('usage: search_engine.js fold|search|compare|snippet < request.json')
  process.stdout.write(JSON.stringify(answer))
}

main().catch((error) => {
  process.stderr.write(String(error && error.stack ? error.stack : error) + '\n')
  process.exit(1)
})
