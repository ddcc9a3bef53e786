// The keyed js-framework-benchmark app in plain DOM code: the reference the frameworks are
// measured against. Rows are clones of one parsed <tr>; the placeholder text nodes in the clone
// are reused (their nodeValue set), every operation touches only the nodes it has to, and the
// app keeps the rows' <tr> elements in an array parallel to the data.
import { labelSource } from '../shared/labels.ts';

const nextLabel = labelSource();
let nextId = 1;

const proto = document.createElement('template');
proto.innerHTML =
  '<tr><td class="col-md-1"> </td><td class="col-md-4"><a> </a></td><td class="col-md-1"><a><span class="glyphicon glyphicon-remove" aria-hidden="true"></span></a></td><td class="col-md-6"></td></tr>';
const rowProto = proto.content.firstChild;

const table = document.querySelector('table');
const tbody = table.querySelector('tbody');

/** The <tr> of each row, in order, and `labels[i]` row i's label; `selected` is the danger row. */
let rows = [];
let labels = [];
let selected = null;

function appendRows(count) {
  // Filling an empty tbody: build it detached and attach it once.
  const detached = rows.length === 0;
  if (detached) tbody.remove();
  for (let i = 0; i < count; i++) {
    const tr = rowProto.cloneNode(true);
    const idCell = tr.firstChild;
    const label = nextLabel();
    idCell.firstChild.nodeValue = nextId++;
    idCell.nextSibling.firstChild.firstChild.nodeValue = label;
    rows.push(tr);
    labels.push(label);
    tbody.appendChild(tr);
  }
  if (detached) table.appendChild(tbody);
}

function clearRows() {
  if (rows.length) tbody.textContent = '';
  rows = [];
  labels = [];
  selected = null;
}

const actions = {
  run() {
    clearRows();
    appendRows(1000);
  },
  runlots() {
    clearRows();
    appendRows(10000);
  },
  add() {
    appendRows(1000);
  },
  update() {
    for (let i = 0; i < rows.length; i += 10) {
      const label = (labels[i] += ' !!!');
      rows[i].firstChild.nextSibling.firstChild.firstChild.nodeValue = label;
    }
  },
  clear: clearRows,
  swaprows() {
    if (rows.length > 998) {
      const a = rows[1];
      const b = rows[998];
      const afterB = b.nextSibling;
      tbody.insertBefore(b, a);
      tbody.insertBefore(a, afterB);
      rows[1] = b;
      rows[998] = a;
      const l = labels[1];
      labels[1] = labels[998];
      labels[998] = l;
    }
  },
};

document.querySelector('.jumbotron').addEventListener('click', (e) => {
  const action = actions[e.target.id];
  if (action) action();
});

tbody.addEventListener('click', (e) => {
  const a = e.target.closest('a');
  if (a === null) return;
  const td = a.parentNode;
  const tr = td.parentNode;
  if (td.className === 'col-md-4') {
    if (selected !== null) selected.className = '';
    tr.className = 'danger';
    selected = tr;
  } else {
    const i = rows.indexOf(tr);
    tr.remove();
    rows.splice(i, 1);
    labels.splice(i, 1);
    if (selected === tr) selected = null;
  }
});
