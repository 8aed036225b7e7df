#!/usr/bin/env node
// Reads netlify.toml's [[headers]] with Netlify's own parser (@netlify/headers-parser, pinned in
// package.json) and prints them as JSON for tests/netlify_headers.py:
//
//   node tests/js/netlify_rules.mjs netlify.toml
//   -> {"rules": [{"for": "/embed/*", "regexp": "^\/embed\/?(.*)\/?$", "flags": "iu", "values": {...}}, …],
//       "matches": {path: [index of each rule whose forRegExp matches it, …]}}
//
// `matches` answers for the JSON list of paths read from stdin, with the parser's own RegExp
// objects, so the Python side can check that its copies of the patterns match the same paths.
// Rules come out in the parser's order, which is the order a "later rule wins" merge uses.
// Any error the parser reports is fatal: a rule Netlify would drop must not pass the tests.
import { readFileSync } from 'node:fs'
import { parseAllHeaders } from '@netlify/headers-parser'

const [netlifyConfigPath] = process.argv.slice(2)
const { headers, errors } = await parseAllHeaders({ netlifyConfigPath, headersFiles: [], configHeaders: [], minimal: false })
if (errors.length) {
  console.error(errors.map((error) => error.message).join('\n'))
  process.exit(1)
}
const stdin = readFileSync(0, 'utf8').trim()
const paths = stdin ? JSON.parse(stdin) : []
const matches = Object.fromEntries(paths.map((path) => [
  path, headers.flatMap((rule, index) => (rule.forRegExp.test(path) ? [index] : [])),
]))
process.stdout.write(JSON.stringify({
  rules: headers.map((rule) => ({ for: rule.for, regexp: rule.forRegExp.source, flags: rule.forRegExp.flags, values: rule.values })),
  matches,
}))
