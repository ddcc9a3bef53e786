/**
 * Functions that run inside the page (passed to page.evaluate, so each is self-contained: no
 * imports, no outer variables).
 */

export interface TableState {
  ids: string[];
  labels: string[];
  /** 0-based indices of the rows with class "danger". */
  danger: number[];
  /** Structural differences from the benchmark's row markup (at most 10 reported). */
  problems: string[];
}

/** Every row, checked against the exact markup the benchmark prescribes. */
export function readTable(): TableState {
  const problems: string[] = [];
  const ids: string[] = [];
  const labels: string[] = [];
  const danger: number[] = [];
  const bad = (msg: string): void => {
    if (problems.length < 10) problems.push(msg);
  };
  const attrs = (el: Element): string =>
    Array.from(el.attributes, (a) => `${a.name}=${JSON.stringify(a.value)}`).sort().join(' ');
  const bodies = document.querySelectorAll('table.table > tbody');
  if (bodies.length !== 1) {
    bad(`expected one table > tbody, found ${bodies.length}`);
    return { ids, labels, danger, problems };
  }
  const tbody = bodies[0]!;
  const CELLS = ['col-md-1', 'col-md-4', 'col-md-1', 'col-md-6'];
  let i = 0;
  for (let n = tbody.firstChild; n !== null; n = n.nextSibling, i++) {
    if (!(n instanceof HTMLTableRowElement)) {
      bad(`tbody child ${i} is a ${n.nodeName}, not a TR`);
      continue;
    }
    const tr = n;
    const a = attrs(tr);
    if (a !== '' && a !== 'class=""' && a !== 'class="danger"') bad(`row ${i + 1}: <tr ${a}>`);
    if (tr.className === 'danger') danger.push(i);
    const tds = tr.childNodes;
    if (tds.length !== 4) {
      bad(`row ${i + 1}: ${tds.length} child nodes, expected 4 cells`);
      continue;
    }
    let ok = true;
    for (let c = 0; c < 4; c++) {
      const td = tds[c]!;
      if (!(td instanceof HTMLTableCellElement) || td.tagName !== 'TD' || attrs(td) !== `class="${CELLS[c]}"`) {
        bad(`row ${i + 1} cell ${c + 1}: ${td instanceof Element ? `<${td.tagName.toLowerCase()} ${attrs(td)}>` : td.nodeName}`);
        ok = false;
      }
    }
    if (!ok) continue;
    const [td1, td2, td3, td4] = [tds[0]!, tds[1]!, tds[2]!, tds[3]!];
    // id cell: one text node
    if (td1.childNodes.length !== 1 || td1.firstChild!.nodeType !== Node.TEXT_NODE) bad(`row ${i + 1}: id cell is not one text node`);
    ids.push(td1.textContent ?? '');
    // label cell: <a> holding one text node
    const la = td2.firstChild;
    if (td2.childNodes.length !== 1 || !(la instanceof HTMLAnchorElement) || la.attributes.length !== 0) bad(`row ${i + 1}: label cell is not one bare <a>`);
    else if (la.childNodes.length !== 1 || la.firstChild!.nodeType !== Node.TEXT_NODE) bad(`row ${i + 1}: label <a> is not one text node`);
    labels.push(td2.textContent ?? '');
    // remove cell: <a><span class="glyphicon glyphicon-remove" aria-hidden="true"></span></a>
    const ra = td3.firstChild;
    const span = ra?.firstChild;
    if (
      td3.childNodes.length !== 1 ||
      !(ra instanceof HTMLAnchorElement) ||
      ra.attributes.length !== 0 ||
      ra.childNodes.length !== 1 ||
      !(span instanceof HTMLSpanElement) ||
      attrs(span) !== 'aria-hidden="true" class="glyphicon glyphicon-remove"' ||
      span.childNodes.length !== 0
    ) {
      bad(`row ${i + 1}: remove cell is ${(td3 as Element).innerHTML}`);
    }
    if (td4.childNodes.length !== 0) bad(`row ${i + 1}: last cell is not empty`);
  }
  return { ids, labels, danger, problems };
}

/** Cheap state after a warm-up step. */
export function quickState(): { count: number; first: string; last: string } {
  const tbody = document.querySelector('table.table > tbody');
  if (!tbody) return { count: -1, first: '', last: '' };
  return {
    count: tbody.childNodes.length,
    first: tbody.firstElementChild?.firstElementChild?.textContent ?? '',
    last: tbody.lastElementChild?.firstElementChild?.textContent ?? '',
  };
}

/**
 * The page's markup outside the table body, canonical: elements with sorted attributes, text
 * trimmed, whitespace-only text dropped, the <h1> text (the implementation's name) masked.
 */
export function canonicalPage(): string {
  const walk = (n: Node): string => {
    if (n.nodeType === Node.TEXT_NODE) {
      const t = (n.textContent ?? '').trim();
      return t ? JSON.stringify(t) : '';
    }
    if (!(n instanceof Element)) return `<!${n.nodeName}>`;
    const tag = n.tagName.toLowerCase();
    const attrs = Array.from(n.attributes, (a) => ` ${a.name}=${JSON.stringify(a.value)}`).sort().join('');
    const inner = tag === 'h1' ? '"…"' : tag === 'tbody' ? '' : Array.from(n.childNodes, walk).join('');
    return `<${tag}${attrs}>${inner}</${tag}>`;
  };
  const main = document.getElementById('main');
  return main ? walk(main) : 'no #main';
}

/** Centre of the element in viewport coordinates (scrolled into view first), or null if it is
 * missing, empty, or not what a click there would hit. */
export function centreOf(selector: string): { x: number; y: number } | null {
  const el = document.querySelector(selector);
  if (!el) return null;
  const r0 = el.getBoundingClientRect();
  if (r0.top < 0 || r0.bottom > innerHeight || r0.left < 0 || r0.right > innerWidth) el.scrollIntoView({ block: 'center' });
  const r = el.getBoundingClientRect();
  if (r.width === 0 || r.height === 0) return null;
  const x = r.left + r.width / 2;
  const y = r.top + r.height / 2;
  const hit = document.elementFromPoint(x, y);
  return hit !== null && el.contains(hit) ? { x, y } : null;
}
