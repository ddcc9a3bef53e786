/**
 * The sanity check every framework's output passes before it is timed: the page is the same page.
 *
 * Each output is reduced to a canonical form that keeps what a browser shows and drops what each
 * framework adds for its client (hydration/resume comments, `data-hk` keys, inline scripts) and
 * what is spelling, not content (unquoted vs quoted attribute values, `>` vs `&gt;` in text, an
 * empty `class=""`). That form must equal, byte for byte, the markup built here from the data:
 * 1,000 rows in order, the right ids, every label escaped (`&` → `&amp;`, `<` → `&lt;`), the one
 * `danger` row.
 */

/** Escapes text as every framework must (`>` is optional: canonicalize() folds `&gt;` to `>`). */
function escapeText(s) {
  return s.replaceAll('&', '&amp;').replaceAll('<', '&lt;');
}

/**
 * The page's markup, canonical form, from the data.
 * @param {import('../shared/data.mjs').PageInput} input
 */
export function expectedTable(input) {
  let rows = '';
  for (const row of input.rows) {
    rows +=
      `<tr${row.id === input.selected ? ' class="danger"' : ''}>` +
      `<td class="col-md-1">${row.id}</td>` +
      `<td class="col-md-4"><a>${escapeText(row.label)}</a></td>` +
      `<td class="col-md-1"><a><span class="glyphicon glyphicon-remove" aria-hidden="true"></span></a></td>` +
      `<td class="col-md-6"></td>` +
      `</tr>`;
  }
  return `<div class="container"><table class="table table-hover table-striped test-data"><tbody>${rows}</tbody></table></div>`;
}

/** Quotes every unquoted attribute value and drops hydration keys and empty classes in one tag. */
function canonicalTag(tag) {
  return tag
    .replace(/\s([^\s"'=<>/]+)=([^\s"'=<>`]+)/g, ' $1="$2"')
    .replace(/\sdata-hk="[^"]*"/g, '')
    .replace(/\sclass=""/g, '');
}

/**
 * The bytes an output spends on its client: inline scripts, comments (hydration brackets, resume
 * markers) and `data-hk` keys. (Not `raw − canonical`: Marko's unquoted attribute values would
 * make that negative.)
 */
export function markerBytes(html) {
  let n = 0;
  for (const re of [/<script\b[^>]*>[\s\S]*?<\/script>/g, /<!--[\s\S]*?-->/g, /\sdata-hk="[^"]*"/g]) {
    for (const m of html.matchAll(re)) n += Buffer.byteLength(m[0]);
  }
  return n;
}

/** What a browser shows, in one spelling (see the module comment). */
export function canonicalize(html) {
  return html
    .replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<[a-zA-Z][^>]*>/g, canonicalTag)
    .replaceAll('&gt;', '>');
}

/**
 * Checks one output; returns the problems found (empty when the output is the page).
 * @param {string} html
 * @param {string} expected  expectedTable(input)
 * @param {import('../shared/data.mjs').PageInput} input
 */
export function checkOutput(html, expected, input) {
  const problems = [];
  const canonical = canonicalize(html);
  const trs = (canonical.match(/<tr[\s>]/g) ?? []).length;
  if (trs !== input.rows.length) problems.push(`${trs} <tr> rows, expected ${input.rows.length}`);
  const escapedLabels = input.rows.filter((r) => r.label.includes('<'));
  const raw = escapedLabels.filter((r) => html.includes(r.label)).length;
  if (raw > 0) problems.push(`${raw} labels with markup characters appear unescaped`);
  if (canonical !== expected) {
    let at = 0;
    while (at < canonical.length && canonical[at] === expected[at]) at++;
    problems.push(
      `canonical markup differs from the expected page at offset ${at}:\n` +
        `      got      …${JSON.stringify(canonical.slice(Math.max(0, at - 60), at + 80))}\n` +
        `      expected …${JSON.stringify(expected.slice(Math.max(0, at - 60), at + 80))}`,
    );
  }
  return { problems, markerBytes: markerBytes(html) };
}
