#!/usr/bin/env node
// Reference side of tests/test_lunr_compat.py: does with lunr.js 2.3.9 (node_modules/lunr)
// what extract/lunr_compat.py claims to reproduce in Python, so the two can be compared.
//
// Every mode reads one JSON value from FILE, or from stdin when FILE is "-" or missing,
// and prints one JSON value on stdout.
//
//   build [FILE]          {"ref": "id", "fields": [{"name": "title", "boost": 10}, ...],
//                          "documents": [{...}, ...]}
//                         -> JSON.stringify(idx), documents added in the given order.
//   query INDEX [FILE]    INDEX: a serialised index (file); FILE: ["money", "title:copper", ...]
//                         -> {"money": ["ref", ...], ...}, refs in lunr's ranking order.
//   analyze [FILE]        {"texts": [...], "words": [...]}
//                         -> {"terms": [[...], ...], "stems": [...]}: each text through
//                         lunr.tokenizer and the default indexing pipeline (trimmer,
//                         stopWordFilter, stemmer); each word through lunr.stemmer alone.
//   log [FILE]            [x, ...] -> [Math.log(x), ...]
//   round [FILE]          [x, ...] -> [Math.round(x * 1000) / 1000, ...] (lunr's score precision)
//   unicode               -> {"separators": [...], "lowercase": [[cp, "lowered"], ...]}:
//                         the UTF-16 code units lunr.tokenizer.separator matches, and every
//                         code point whose String.prototype.toLowerCase() is not itself.
'use strict'

const fs = require('fs')
const path = require('path')

function loadLunr () {
  try {
    return require('lunr')
  } catch (err) {
    // Fall back to the repository's node_modules when run from elsewhere.
    return require(path.join(__dirname, '..', '..', 'node_modules', 'lunr'))
  }
}

const lunr = loadLunr()

function readJson (file) {
  const text = (file === undefined || file === '-')
    ? fs.readFileSync(0, 'utf8')
    : fs.readFileSync(file, 'utf8')
  return JSON.parse(text)
}

function build (spec) {
  return lunr(function () {
    this.ref(spec.ref)
    for (const field of spec.fields) {
      this.field(field.name, { boost: field.boost })
    }
    for (const doc of spec.documents) {
      this.add(doc)
    }
  })
}

function query (index, queries) {
  const idx = lunr.Index.load(index)
  const found = {}
  for (const q of queries) {
    found[q] = idx.search(q).map((result) => result.ref)
  }
  return found
}

function analyze (input) {
  const pipeline = new lunr.Pipeline()
  pipeline.add(lunr.trimmer, lunr.stopWordFilter, lunr.stemmer)
  const terms = (input.texts || []).map(
    (text) => pipeline.run(lunr.tokenizer(text)).map(String)
  )
  const stems = (input.words || []).map(
    (word) => lunr.stemmer(new lunr.Token(word)).toString()
  )
  return { terms, stems }
}

function unicode () {
  const separators = []
  for (let unit = 0; unit <= 0xffff; unit++) {
    if (String.fromCharCode(unit).match(lunr.tokenizer.separator)) separators.push(unit)
  }
  const lowercase = []
  for (let cp = 0; cp <= 0x10ffff; cp++) {
    if (cp >= 0xd800 && cp <= 0xdfff) continue // not code points on their own
    const char = String.fromCodePoint(cp)
    const lowered = char.toLowerCase()
    if (lowered !== char) lowercase.push([cp, lowered])
  }
  return { separators, lowercase }
}

function main (argv) {
  const mode = argv[0]
  let result
  if (mode === 'build') {
    result = build(readJson(argv[1]))
  } else if (mode === 'query') {
    if (argv[1] === undefined) throw new Error('query needs a serialised index file')
    result = query(readJson(argv[1]), readJson(argv[2]))
  } else if (mode === 'analyze') {
    result = analyze(readJson(argv[1]))
  } else if (mode === 'log') {
    result = readJson(argv[1]).map(Math.log)
  } else if (mode === 'round') {
    result = readJson(argv[1]).map((x) => Math.round(x * 1000) / 1000)
  } else if (mode === 'unicode') {
    result = unicode()
  } else {
    throw new Error('usage: build_lunr_index.js build|query|analyze|log|round|unicode [...]')
  }
  process.stdout.write(JSON.stringify(result))
}

main(process.argv.slice(2))
